package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;

import io.github.dingtalkrobot.DingTalkRobot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a robot built without a {@code RestClient.Builder} sends through its own
 * transport, over a {@link RawHttpServer} on loopback.
 */
class DefaultRobotTransportTests {

	private final RawHttpServer server = RawHttpServer.plain();

	@AfterEach
	void closeServer() throws IOException {
		this.server.close();
	}

	@Test
	void robotWithoutABuilderSendsEveryMessageOverOneConnection() {
		DingTalkRobot robot = DingTalkRobot.builder("ops")
			.webhook(this.server.uri("http", "127.0.0.1", "/robot/send?access_token=tok-default-4c1e").toString())
			.secret("SECdefault0123456789")
			.build();
		try (robot) {
			for (int i = 0; i < 3; i++) {
				assertThat(robot.sendText("message " + i).errcode()).isZero();
			}
		}
		assertThat(this.server.connections()).isOne();
		assertThat(this.server.requests()).hasSize(3).allSatisfy((request) -> {
			assertThat(request.requestLine()).startsWith("POST /robot/send?access_token=tok-default-4c1e&timestamp=");
			// Neither the JDK's HttpClient nor HttpURLConnection
			assertThat(request.headers()).doesNotContainKey("user-agent");
		});
	}

}
