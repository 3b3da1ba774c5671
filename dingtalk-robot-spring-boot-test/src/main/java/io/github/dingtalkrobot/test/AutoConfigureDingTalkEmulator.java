package io.github.dingtalkrobot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Annotation for a Spring test whose application's DingTalk robots send to a
 * {@link io.github.dingtalkrobot.emulator.DingTalkEmulator} instead of DingTalk. The
 * application context gets its own emulator, started before the robots are created and
 * stopped when the context closes. Every robot configured under {@code dingtalk.robots}
 * is registered with it, by the robot's name, with the access token (from
 * {@code access-token}, or from the {@code webhook}'s {@code access_token}),
 * {@code secret} and {@code keywords} it is configured with, and is then pointed at it,
 * wherever its configured address was: <pre class="code">
 * &#64;SpringBootTest(properties = {
 *         "dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=test-ops",
 *         "dingtalk.robots.ops.secret=SECtest" })
 * &#64;AutoConfigureDingTalkEmulator
 * class DeployNotifierTests {
 *
 *     &#64;Autowired
 *     DeployNotifier notifier;
 *
 *     &#64;Autowired
 *     DingTalkEmulator emulator;
 *
 *     &#64;Test
 *     void deployIsAnnounced() {
 *         this.notifier.deployed("1.2.3");
 *         assertThat(this.emulator.robot("ops")).receivedText("Deployed 1.2.3");
 *     }
 *
 * }
 * </pre> The emulator then checks each request as DingTalk would: the signature of a
 * robot with a secret, the keywords of a robot with keywords, the message's fields and
 * the rate limit. The {@code DingTalkEmulator} bean is named {@code dingTalkEmulator}.
 * <p>
 * The emulator is {@link io.github.dingtalkrobot.emulator.DingTalkEmulator#reset() reset}
 * after each test method, so that each test sees only the requests it caused, while the
 * application context and its robots are shared by every test that uses the same
 * configuration. Messages sent while the application starts are there for the first test.
 * A test whose messages are sent asynchronously should wait for them (with Awaitility,
 * for example) before it ends, so that they do not arrive in the next test.
 * <p>
 * Only robots configured with properties are redirected: a robot that the application
 * builds itself with {@code DingTalkRobot.builder(...)} keeps the address it is given.
 *
 * @since 0.1.0
 * @see DingTalkEmulatorAssertions
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureDingTalkEmulator {

}
