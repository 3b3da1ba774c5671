package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * Serves the inbox page at the emulator's root: {@code GET /} (optionally
 * {@code ?robot=name}), the messages after a sequence number for the page's polling
 * ({@code GET /inbox/messages?after=N&robot=name}), {@code POST /inbox/clear} and the
 * page's script and style sheet. Every answer forbids inline script and any source but
 * the emulator with a Content-Security-Policy.
 */
final class InboxHandler implements HttpHandler {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' http: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	/**
	 * The header a request to clear the inbox must carry. A cross-site form cannot send
	 * it, so another web site cannot clear the inbox.
	 */
	static final String CLEAR_HEADER = "X-Inbox-Action";

	private static final String HTML = "text/html;charset=UTF-8";

	private final DingTalkEmulator emulator;

	private final byte[] script = resource("inbox.js");

	private final byte[] styleSheet = resource("inbox.css");

	InboxHandler(DingTalkEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			Query query = new Query(exchange.getRequestURI().getRawQuery());
			switch (path) {
				case "/" -> get(exchange, HTML, () -> page(query.robot()));
				case "/inbox/messages" -> get(exchange, HTML, () -> messages(exchange, query));
				case "/inbox/inbox.js" -> get(exchange, "text/javascript;charset=UTF-8", () -> this.script);
				case "/inbox/inbox.css" -> get(exchange, "text/css;charset=UTF-8", () -> this.styleSheet);
				case "/inbox/clear" -> clear(exchange);
				default -> send(exchange, EmulatorResponse.htmlPage(404));
			}
		}
	}

	private byte[] page(@Nullable String robot) {
		return utf8(InboxPage.render(this.emulator.robots(), requests(robot), robot));
	}

	private byte[] messages(HttpExchange exchange, Query query) {
		List<RecordedRequest> all = requests(query.robot());
		long after = query.after();
		// Tells the page how many messages there are, so that it notices a clear made
		// elsewhere
		exchange.getResponseHeaders().set("X-Inbox-Size", String.valueOf(all.size()));
		return utf8(InboxPage.messages(all.stream().filter((request) -> request.sequence() > after).toList()));
	}

	private List<RecordedRequest> requests(@Nullable String robot) {
		return this.emulator.requests()
			.stream()
			.filter((request) -> robot == null || robot.equals(request.robotName()))
			.toList();
	}

	private void clear(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Allow", "POST");
			send(exchange, EmulatorResponse.htmlPage(405));
		}
		else if (!"clear".equals(exchange.getRequestHeaders().getFirst(CLEAR_HEADER))) {
			send(exchange, EmulatorResponse.htmlPage(403));
		}
		else {
			this.emulator.reset();
			send(exchange, EmulatorResponse.status(204));
		}
	}

	private static void get(HttpExchange exchange, String contentType, Supplier<byte[]> body) throws IOException {
		if (!"GET".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Allow", "GET");
			send(exchange, EmulatorResponse.htmlPage(405));
			return;
		}
		send(exchange, new EmulatorResponse(200, null, null, contentType, body.get(), false, Duration.ZERO));
	}

	private static void send(HttpExchange exchange, EmulatorResponse response) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
		headers.set("Cache-Control", "no-store");
		if (response.contentType() != null) {
			headers.set("Content-Type", response.contentType());
		}
		byte[] body = response.body();
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String name) {
		try (InputStream in = Objects.requireNonNull(InboxHandler.class.getResourceAsStream("inbox/" + name),
				() -> "Missing inbox resource " + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The inbox's query parameters.
	 */
	private static final class Query {

		private final Map<String, String> parameters;

		Query(@Nullable String rawQuery) {
			this.parameters = WebhookRequest.decodeQuery(rawQuery);
		}

		@Nullable String robot() {
			String robot = this.parameters.get("robot");
			return (robot != null && !robot.isEmpty()) ? robot : null;
		}

		long after() {
			try {
				String after = this.parameters.get("after");
				return (after != null) ? Long.parseLong(after) : 0;
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

}
