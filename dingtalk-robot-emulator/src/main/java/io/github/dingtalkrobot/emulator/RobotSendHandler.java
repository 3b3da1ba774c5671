package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Translates between HTTP and the emulator for {@code POST /robot/send}.
 */
final class RobotSendHandler implements HttpHandler {

	private static final Log logger = LogFactory.getLog(RobotSendHandler.class);

	private final Function<WebhookRequest, EmulatorResponse> emulator;

	private final ScheduledExecutorService delays;

	RobotSendHandler(Function<WebhookRequest, EmulatorResponse> emulator, ScheduledExecutorService delays) {
		this.emulator = emulator;
		this.delays = delays;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		EmulatorResponse response = respond(exchange, body);
		CompletionStage<?> release = response.release();
		if (release != null) {
			// Answer from whichever thread completes the stage; closing the server
			// closes the connection meanwhile
			release.whenComplete((result, failure) -> send(exchange, response));
		}
		else if (response.delay().isZero()) {
			send(exchange, response);
		}
		else {
			// Answer from the scheduler so that a delay holds no worker thread
			this.delays.schedule(() -> send(exchange, response), response.delay().toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private EmulatorResponse respond(HttpExchange exchange, byte[] body) {
		if (!DingTalkEmulator.PATH.equals(exchange.getRequestURI().getPath())) {
			return EmulatorResponse.htmlPage(404);
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Allow", "POST");
			return EmulatorResponse.htmlPage(405);
		}
		WebhookRequest request = WebhookRequest.of(exchange.getRequestHeaders(), exchange.getRequestURI().getRawQuery(),
				body, exchange.getRemoteAddress().getAddress());
		try {
			return this.emulator.apply(request);
		}
		catch (RuntimeException ex) {
			logger.error("DingTalk emulator failed to handle a request", ex);
			return EmulatorResponse.htmlPage(500);
		}
	}

	static void send(HttpExchange exchange, EmulatorResponse response) {
		try (exchange) {
			if (response.dropsConnection()) {
				// Closing an exchange before its response headers closes the connection
				return;
			}
			// The JDK server sends headers and body in separate writes; on a kept-alive
			// connection Nagle's algorithm then holds the body back until the client's
			// delayed ACK, some 40 ms per request. Closing pushes the answer out at once.
			exchange.getResponseHeaders().set("Connection", "close");
			if (response.contentType() != null) {
				exchange.getResponseHeaders().set("Content-Type", response.contentType());
			}
			byte[] body = response.body();
			exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
		}
		catch (IOException ex) {
			logger.debug("DingTalk emulator could not answer: the client has gone", ex);
		}
	}

}
