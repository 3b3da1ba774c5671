package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DingTalkEmulator}'s lifecycle, robot registry and HTTP handling.
 */
class DingTalkEmulatorTests {

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build();

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void startedEmulatorServesLoopbackOnAFreePort() {
		this.emulator.start();
		assertThat(this.emulator.isRunning()).isTrue();
		assertThat(this.emulator.port()).isPositive();
		assertThat(this.emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + this.emulator.port() + "/robot/send");
		assertThat(this.emulator.webhook("a b+c"))
			.isEqualTo("http://127.0.0.1:" + this.emulator.port() + "/robot/send?access_token=a+b%2Bc");
	}

	@Test
	void emulatorListensOnAFixedPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (DingTalkEmulator fixed = DingTalkEmulator.builder().port(port).build().start()) {
			fixed.registerRobot("ops", "token-ops");
			assertThat(fixed.port()).isEqualTo(port);
			assertThat(WebhookClient.post(fixed.webhook("token-ops"), WebhookClient.text("hi")).errcode()).isZero();
		}
	}

	@Test
	void stoppedEmulatorHasNoPort() {
		assertThatIllegalStateException().isThrownBy(this.emulator::port).withMessageContaining("not running");
		assertThatIllegalStateException().isThrownBy(() -> this.emulator.webhook("token"));
	}

	@Test
	void runningEmulatorCannotBeStartedTwice() {
		this.emulator.start();
		assertThatIllegalStateException().isThrownBy(this.emulator::start).withMessageContaining("already running");
	}

	@Test
	void closedEmulatorRefusesConnectionsAndEndsItsThreads() {
		EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");
		this.emulator.start();
		String webhook = ops.webhook();
		assertThat(WebhookClient.post(webhook, WebhookClient.text("hi")).errcode()).isZero();
		assertThat(emulatorThreads()).isNotEmpty();
		this.emulator.close();
		assertThat(this.emulator.isRunning()).isFalse();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> WebhookClient.send(WebhookClient.request(webhook, WebhookClient.text("hi"))))
			.isInstanceOf(ConnectException.class);
		await().untilAsserted(() -> assertThat(emulatorThreads()).isEmpty());
	}

	@Test
	void restartedEmulatorKeepsItsRobots() {
		EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");
		this.emulator.start();
		this.emulator.close();
		this.emulator.start();
		assertThat(WebhookClient.post(ops.webhook(), WebhookClient.text("hi")).errcode()).isZero();
		assertThat(ops.receivedMessages()).hasSize(1);
	}

	@Test
	void closingAStoppedEmulatorDoesNothing() {
		this.emulator.close();
		assertThat(this.emulator.isRunning()).isFalse();
	}

	@Test
	void robotIsFoundByName() {
		EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");
		assertThat(this.emulator.robot("ops")).isSameAs(ops);
		assertThat(ops.name()).isEqualTo("ops");
		assertThat(ops.accessToken()).isEqualTo("token-ops");
	}

	@Test
	void unknownRobotNameFailsListingTheRegisteredRobots() {
		this.emulator.registerRobot("ops", "token-ops");
		this.emulator.registerRobot("dev", "token-dev");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.robot("qa"))
			.withMessage("No DingTalk robot named 'qa' is registered with the emulator; registered robots: [dev, ops]");
	}

	@Test
	void registeringARobotAgainReturnsIt() {
		EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops").secret("SEC1");
		assertThat(this.emulator.registerRobot("ops", "token-ops")).isSameAs(ops);
		assertThat(ops.secret()).isEqualTo("SEC1");
		assertThat(this.emulator.robots()).containsExactly(ops);
	}

	@Test
	void robotNameWithAnotherAccessTokenFailsWithoutRevealingTokens() {
		this.emulator.registerRobot("ops", "token-ops");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.registerRobot("ops", "token-other"))
			.withMessageContaining("'ops'")
			.withMessageNotContaining("token-");
	}

	@Test
	void accessTokenOfAnotherRobotFailsWithoutRevealingIt() {
		this.emulator.registerRobot("ops", "token-ops");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.registerRobot("dev", "token-ops"))
			.withMessage("The access token of robot 'dev' is already registered for robot 'ops'");
	}

	@Test
	void robotsAreListedByName() {
		EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");
		EmulatedRobot dev = this.emulator.registerRobot("dev", "token-dev");
		assertThat(this.emulator.robots()).containsExactly(dev, ops);
	}

	@Test
	void moreThanTenKeywordsAreRefused() {
		EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ops.keywords("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))
			.withMessageContaining("at most 10");
	}

	@Test
	void otherPathsAreNotFound() throws IOException {
		this.emulator.start();
		String url = "http://127.0.0.1:" + this.emulator.port() + "/robot/sendBySession?session=x";
		HttpResponse<String> response = WebhookClient.send(WebhookClient.request(url, WebhookClient.text("hi")));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void onlyPostIsAllowed() throws IOException {
		this.emulator.registerRobot("ops", "token-ops");
		this.emulator.start();
		HttpResponse<String> response = WebhookClient
			.send(HttpRequest.newBuilder(URI.create(this.emulator.webhook("token-ops"))).GET().build());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void concurrentRequestsForSeveralRobotsAreAllAnswered() throws Exception {
		List<EmulatedRobot> robots = IntStream.range(0, 5)
			.mapToObj((i) -> this.emulator.registerRobot("robot-" + i, "token-" + i))
			.toList();
		this.emulator.start();
		List<Callable<Answer>> sends = IntStream.range(0, 50)
			.mapToObj((i) -> (Callable<Answer>) () -> WebhookClient.post(robots.get(i % 5).webhook(),
					WebhookClient.text("message " + i)))
			.toList();
		ExecutorService clients = Executors.newFixedThreadPool(16);
		try {
			for (Future<Answer> answer : clients.invokeAll(sends)) {
				assertThat(answer.get().errcode()).isZero();
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(robots).allSatisfy((robot) -> assertThat(robot.receivedMessages()).hasSize(10));
		assertThat(this.emulator.requests()).hasSize(50);
	}

	private static List<String> emulatorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("dingtalk-emulator-"))
			.toList();
	}

}
