package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the faults a {@link DingTalkEmulator} robot injects on request.
 */
class DingTalkEmulatorFaultTests {

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot robot = this.emulator.registerRobot("ops", "token-ops");

	@Test
	void errcodeIsAnsweredForTheNextRequestsThenNormalBehaviourResumes() {
		this.robot.failNext(2).withErrcode(-1);
		assertThat(this.robot.pendingFaults()).isEqualTo(2);
		send().assertRefusedWith(-1, "系统繁忙");
		send().assertRefusedWith(-1, "系统繁忙");
		assertThat(send().errcode()).isZero();
		assertThat(this.robot.pendingFaults()).isZero();
		assertThat(this.robot.requests()).extracting(RecordedRequest::fault)
			.containsExactly(FaultKind.ERRCODE, FaultKind.ERRCODE, null);
		assertThat(this.robot.receivedMessages()).hasSize(1);
	}

	@Test
	void errcodeCanCarryItsOwnMessage() {
		this.robot.failNext(1).withErrcode(410100, "description:\"限流\"");
		Answer answer = send();
		assertThat(answer.body()).isEqualTo("{\"errcode\":410100,\"errmsg\":\"description:\\\"限流\\\"\"}");
	}

	@Test
	void undocumentedErrcodeGetsAGenericMessage() {
		this.robot.failNext(1).withErrcode(123456);
		send().assertRefusedWith(123456, "error");
	}

	@Test
	void errcodeZeroCannotBeInjected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(1).withErrcode(0));
	}

	@Test
	void httpStatusIsAnsweredWithoutABody() throws IOException {
		this.robot.failNext(1).withHttpStatus(503);
		HttpResponse<String> response = WebhookClient.send(request());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).isEmpty();
		assertThat(this.robot.requests()).singleElement().satisfies((request) -> {
			assertThat(request.fault()).isEqualTo(FaultKind.HTTP_STATUS);
			assertThat(request.errcode()).isNull();
			assertThat(request.delivered()).isFalse();
		});
	}

	@Test
	void htmlPageIsAnsweredWithItsStatus() throws IOException {
		this.robot.failNext(1).withHtmlPage(502).failNext(1).withHtmlPage(200);
		HttpResponse<String> badGateway = WebhookClient.send(request());
		assertThat(badGateway.statusCode()).isEqualTo(502);
		assertThat(badGateway.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(badGateway.body()).contains("<title>502 Bad Gateway</title>");
		HttpResponse<String> ok = WebhookClient.send(request());
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).startsWith("<html>").contains("200 OK");
		assertThat(this.robot.requests()).extracting(RecordedRequest::fault).containsOnly(FaultKind.HTML_PAGE);
	}

	@Test
	void bodyIsAnsweredAsGivenThenNormalBehaviourResumes() throws IOException {
		this.robot.failNext(1)
			.withBody(200, "application/json", "")
			.failNext(1)
			.withBody(200, "application/json", "{\"errcode\":")
			.failNext(1)
			.withBody(500, "text/plain", "failed for access_token=token-ops");
		HttpResponse<String> empty = WebhookClient.send(request());
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).isEmpty();
		assertThat(WebhookClient.send(request()).body()).isEqualTo("{\"errcode\":");
		HttpResponse<String> echo = WebhookClient.send(request());
		assertThat(echo.statusCode()).isEqualTo(500);
		assertThat(echo.headers().firstValue("Content-Type")).hasValue("text/plain");
		assertThat(echo.body()).isEqualTo("failed for access_token=token-ops");
		assertThat(send().errcode()).isZero();
		assertThat(this.robot.requests()).extracting(RecordedRequest::fault)
			.containsExactly(FaultKind.BODY, FaultKind.BODY, FaultKind.BODY, null);
		assertThat(this.robot.requests()).extracting(RecordedRequest::errcode).containsExactly(null, null, null, 0);
	}

	@Test
	void persistentFaultAnswersEveryRequest() {
		this.robot.failNext(Integer.MAX_VALUE).withBody(200, "text/html", "<html>login</html>");
		for (int i = 0; i < 3; i++) {
			assertThat(send().body()).isEqualTo("<html>login</html>");
		}
		assertThat(this.robot.receivedMessages()).isEmpty();
		this.robot.failNext(Integer.MAX_VALUE).withDroppedConnection();
		assertThat(this.robot.pendingFaults()).isEqualTo(Integer.MAX_VALUE);
		this.robot.reset();
		assertThat(send().errcode()).isZero();
	}

	@Test
	void heldAnswerIsSentOnceReleasedAndTheMessageIsDelivered() {
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.robot.failNext(1).withAnswerHeldUntil(release);
		CompletableFuture<HttpResponse<String>> held = WebhookClient.sendAsync(request());
		await().until(() -> !this.robot.requests().isEmpty());
		assertThat(send().errcode()).isZero();
		assertThat(held).isNotDone();
		release.complete(null);
		assertThat(held).succeedsWithin(Duration.ofSeconds(10))
			.satisfies((response) -> assertThat(Answer.of(response).errcode()).isZero());
		assertThat(this.robot.requests()).extracting(RecordedRequest::fault).containsExactly(FaultKind.HELD, null);
		assertThat(this.robot.receivedMessages()).hasSize(2);
	}

	@Test
	void closingTheEmulatorEndsAHeldAnswer() {
		this.robot.failNext(1).withAnswerHeldUntil(new CompletableFuture<>());
		CompletableFuture<HttpResponse<String>> held = WebhookClient.sendAsync(request());
		await().until(() -> !this.robot.requests().isEmpty());
		this.emulator.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> held.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(IOException.class);
	}

	@Test
	void droppedConnectionGivesTheClientAnIoError() {
		this.robot.failNext(1).withDroppedConnection();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> WebhookClient.send(request()));
		assertThat(send().errcode()).isZero();
		assertThat(this.robot.requests()).extracting(RecordedRequest::fault)
			.containsExactly(FaultKind.DROPPED_CONNECTION, null);
	}

	@Test
	void delayedAnswerTimesOutAClientYetTheMessageIsDelivered() throws IOException {
		this.robot.failNext(1).withDelay(Duration.ofSeconds(30));
		HttpRequest request = HttpRequest
			.newBuilder(WebhookClient.request(this.robot.webhook(), WebhookClient.text("late")), (name, value) -> true)
			.timeout(Duration.ofMillis(200))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> WebhookClient.send(request));
		await().untilAsserted(() -> assertThat(this.robot.receivedMessages()).singleElement().satisfies((message) -> {
			assertThat(message.fault()).isEqualTo(FaultKind.DELAY);
			assertThat(message.text()).isEqualTo("late");
		}));
		assertThat(send().errcode()).isZero();
	}

	@Test
	void delayedAnswerArrivesAfterTheDelay() throws Exception {
		Duration delay = Duration.ofMillis(300);
		this.robot.failNext(1).withDelay(delay);
		long start = System.nanoTime();
		Answer answer = send();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
		assertThat(answer.errcode()).isZero();
	}

	@Test
	void delayHoldsNoWorkerThread() throws Exception {
		try (DingTalkEmulator single = DingTalkEmulator.builder().threads(1).build().start()) {
			EmulatedRobot slow = single.registerRobot("slow", "token-slow");
			slow.failNext(1).withDelay(Duration.ofMinutes(1));
			CompletableFuture<HttpResponse<String>> late = WebhookClient
				.sendAsync(WebhookClient.request(slow.webhook(), WebhookClient.text("late")));
			await().until(() -> !slow.requests().isEmpty());
			Answer answer = WebhookClient.post(slow.webhook(), WebhookClient.text("on time"));
			assertThat(answer.errcode()).isZero();
			assertThat(late).isNotDone();
		}
	}

	@Test
	void closingTheEmulatorEndsAPendingDelay() {
		this.robot.failNext(1).withDelay(Duration.ofMinutes(10));
		CompletableFuture<HttpResponse<String>> late = WebhookClient.sendAsync(request());
		await().until(() -> !this.robot.requests().isEmpty());
		this.emulator.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> late.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(IOException.class);
	}

	@Test
	void faultsAreInjectedInTheOrderAskedFor() {
		this.robot.failNext(1).withErrcode(-1).failNext(2).withErrcode(410100);
		assertThat(this.robot.pendingFaults()).isEqualTo(3);
		assertThat(List.of(send().errcode(), send().errcode(), send().errcode(), send().errcode())).containsExactly(-1,
				410100, 410100, 0);
	}

	@Test
	void faultsDoNotCountTowardsTheRateLimit() {
		this.robot.failNext(5).withErrcode(-1);
		for (int i = 0; i < 25; i++) {
			send();
		}
		assertThat(this.robot.receivedMessages()).hasSize(20);
		assertThat(this.robot.rateViolations()).isZero();
	}

	@Test
	void faultsOfOneRobotLeaveOthersAlone() {
		EmulatedRobot other = this.emulator.registerRobot("other", "token-other");
		this.robot.failNext(1).withErrcode(-1);
		assertThat(WebhookClient.post(other.webhook(), WebhookClient.text("hi")).errcode()).isZero();
		assertThat(this.robot.pendingFaults()).isOne();
	}

	@Test
	void concurrentRequestsTakeEachFaultExactlyOnce() throws Exception {
		this.robot.failNext(10).withErrcode(-1);
		List<Callable<Answer>> sends = IntStream.range(0, 30).mapToObj((i) -> (Callable<Answer>) this::send).toList();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<Answer>> answers = clients.invokeAll(sends);
			int failed = 0;
			for (Future<Answer> answer : answers) {
				failed += (answer.get().errcode() == -1) ? 1 : 0;
			}
			assertThat(failed).isEqualTo(10);
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(this.robot.requests()).filteredOn((request) -> request.fault() == FaultKind.ERRCODE).hasSize(10);
		assertThat(this.robot.receivedMessages()).hasSize(20);
	}

	@Test
	void resetDropsPendingFaults() {
		this.robot.failNext(3).withDroppedConnection();
		this.emulator.reset();
		assertThat(this.robot.pendingFaults()).isZero();
		assertThat(send().errcode()).isZero();
	}

	@Test
	void invalidFaultsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(1).withHttpStatus(199));
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(1).withHtmlPage(600));
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(1).withDelay(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(1).withBody(600, "text/plain", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> this.robot.failNext(1).withBody(200, "", ""));
		assertThat(this.robot.pendingFaults()).isZero();
	}

	private HttpRequest request() {
		return WebhookClient.request(this.robot.webhook(), WebhookClient.text("hi"));
	}

	private Answer send() {
		return WebhookClient.post(this.robot.webhook(), WebhookClient.text("hi"));
	}

}
