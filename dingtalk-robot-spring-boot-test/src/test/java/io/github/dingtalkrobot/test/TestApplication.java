package io.github.dingtalkrobot.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application that this package's {@code @SpringBootTest}s find when they declare no
 * configuration of their own: the auto-configured robots and nothing else.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class TestApplication {

}
