package io.github.dingtalkrobot.internal.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A loopback HTTP/1.1 server on raw sockets, so that tests see what a client does with
 * its connections: how many it opens and what it sends on each, and how it copes with
 * answers that are chunked, cut short or never come. The path of a request picks the
 * answer (see {@link #serve(Socket, int)}). It can speak TLS with a certificate for
 * {@code localhost} only, and act as a proxy that opens {@code CONNECT} tunnels to
 * another server.
 */
final class RawHttpServer implements AutoCloseable {

	/**
	 * DingTalk's answer to a message it accepted.
	 */
	static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	private static final char[] PASSWORD = "changeit".toCharArray();

	private final ServerSocket serverSocket;

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "raw-http-server");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger closedConnections = new AtomicInteger();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<String> serverNames = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile int tunnelPort = -1;

	private RawHttpServer(ServerSocket serverSocket) {
		this.serverSocket = serverSocket;
		this.threads.execute(this::accept);
	}

	/**
	 * Start a plain HTTP server on the loopback address.
	 * @return the server
	 */
	static RawHttpServer plain() {
		try {
			return new RawHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start an HTTPS server on the address of {@code localhost}, with the certificate of
	 * {@link #tls()}.
	 * @return the server
	 */
	static RawHttpServer secure() {
		try {
			return new RawHttpServer(
					tls().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("localhost")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a TLS context with the test certificate, which names {@code localhost} and
	 * nothing else, as its key and its only trusted certificate. Made with
	 * {@code keytool -genkeypair -alias localhost -keyalg EC -groupname secp256r1
	 * -dname CN=localhost -ext san=dns:localhost -validity 36500 -keystore localhost.p12
	 * -storetype PKCS12 -storepass changeit}.
	 * @return the context
	 */
	static SSLContext tls() {
		try (InputStream in = RawHttpServer.class.getResourceAsStream("/tls/localhost.p12")) {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, PASSWORD);
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(keyStore, PASSWORD);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(keyStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Act as a proxy: answer {@code CONNECT} with a tunnel to the given port on the
	 * loopback address, whatever host the request names.
	 * @param port the port of the server behind the tunnel
	 * @return this server
	 */
	RawHttpServer tunnelTo(int port) {
		this.tunnelPort = port;
		return this;
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	InetAddress address() {
		return this.serverSocket.getInetAddress();
	}

	URI uri(String scheme, String host, String pathAndQuery) {
		return URI.create(scheme + "://" + host + ":" + port() + pathAndQuery);
	}

	int connections() {
		return this.connections.get();
	}

	int closedConnections() {
		return this.closedConnections.get();
	}

	List<Request> requests() {
		return this.requests;
	}

	List<String> serverNames() {
		return this.serverNames;
	}

	/**
	 * Let every request on {@code /hang} end without an answer.
	 */
	void release() {
		this.release.countDown();
	}

	@Override
	public void close() throws IOException {
		release();
		this.serverSocket.close();
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				int connection = this.connections.incrementAndGet();
				this.threads.execute(() -> serve(socket, connection));
			}
			catch (IOException ex) {
				// Closed
			}
		}
	}

	/**
	 * Serve the requests of one connection. The path picks the answer: {@code /drop}
	 * closes the connection without one, {@code /hang} answers nothing until
	 * {@link #release() released}, {@code /chunked} answers in chunks with a trailer,
	 * {@code /close} answers with {@code Connection: close}, {@code /until-close} answers
	 * without a length and closes, {@code /close-when-idle} answers as usual and then
	 * closes the connection as a server does with an idle one, {@code /echo} answers with
	 * the request's body; any other path gets {@link #OK}.
	 */
	private void serve(Socket socket, int connection) {
		try (socket) {
			if (socket instanceof SSLSocket tls) {
				tls.startHandshake();
				((ExtendedSSLSession) tls.getSession()).getRequestedServerNames()
					.forEach((name) -> this.serverNames.add(((SNIHostName) name).getAsciiName()));
			}
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			for (Request request = read(in, connection); request != null; request = read(in, connection)) {
				this.requests.add(request);
				if (request.method().equals("CONNECT")) {
					tunnel(in, out);
					return;
				}
				if (!answer(request, out)) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// The client went away, or the server is closing
		}
		finally {
			this.closedConnections.incrementAndGet();
		}
	}

	// Returns whether the connection stays open
	private boolean answer(Request request, OutputStream out) throws IOException, InterruptedException {
		switch (request.path()) {
			case "/drop" -> {
				return false;
			}
			case "/hang" -> {
				this.release.await(10, TimeUnit.SECONDS);
				return false;
			}
			case "/chunked" -> {
				write(out,
						"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
								+ chunk("{\"errcode\":") + chunk("0,\"errmsg\":\"chunked") + chunk("\"}")
								+ "0\r\nX-Trailer: done\r\n\r\n");
				return true;
			}
			case "/close" -> {
				write(out, head(OK.length(), "Connection: close\r\n") + OK);
				return false;
			}
			case "/until-close" -> {
				write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + OK);
				return false;
			}
			case "/close-when-idle" -> {
				write(out, head(OK.length(), "") + OK);
				return false;
			}
			case "/echo" -> {
				byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
				write(out, head(body.length, "") + request.body());
				return true;
			}
			default -> {
				write(out, head(OK.length(), "") + OK);
				return true;
			}
		}
	}

	private void tunnel(InputStream in, OutputStream out) throws IOException, InterruptedException {
		if (this.tunnelPort == -1) {
			write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
			return;
		}
		try (Socket target = new Socket()) {
			target.connect(new InetSocketAddress(InetAddress.getByName("localhost"), this.tunnelPort));
			write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
			CountDownLatch upstreamDone = new CountDownLatch(1);
			this.threads.execute(() -> {
				try {
					in.transferTo(target.getOutputStream());
				}
				catch (IOException ex) {
					// Either side closed
				}
				finally {
					upstreamDone.countDown();
				}
			});
			target.getInputStream().transferTo(out);
			upstreamDone.await(10, TimeUnit.SECONDS);
		}
	}

	private static String chunk(String data) {
		return Integer.toHexString(data.length()) + ";extension=ignored\r\n" + data + "\r\n";
	}

	private static String head(int length, String extraHeaders) {
		return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n" + extraHeaders
				+ "\r\n";
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static Request read(InputStream in, int connection) throws IOException {
		String requestLine = readLine(in);
		if (requestLine == null) {
			return null;
		}
		Map<String, String> headers = new TreeMap<>();
		for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
		return new Request(connection, requestLine, headers, body);
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = in.read(); next != '\n'; next = in.read()) {
			if (next == -1) {
				return null;
			}
			line.write(next);
		}
		String text = line.toString(StandardCharsets.ISO_8859_1);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * A request as the server read it.
	 *
	 * @param connection the number of the connection it came on, from 1
	 * @param requestLine the request line
	 * @param headers the headers, by lower-case name
	 * @param body the body
	 */
	record Request(int connection, String requestLine, Map<String, String> headers, String body) {

		String method() {
			return this.requestLine.substring(0, this.requestLine.indexOf(' '));
		}

		String target() {
			return this.requestLine.split(" ")[1];
		}

		String path() {
			String target = target();
			if (target.startsWith("http://")) {
				target = target.substring(target.indexOf('/', "http://".length()));
			}
			int query = target.indexOf('?');
			return (query != -1) ? target.substring(0, query) : target;
		}

	}

}
