package io.github.dingtalkrobot.internal.webhook;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection of the {@link RobotHttpTransport}: a socket with
 * {@code TCP_NODELAY}, plain or TLS, read through a buffer. It serves one exchange at a
 * time. Its socket comes from a {@link SocketChannel} so that an idle connection can be
 * checked without blocking before it is used again.
 */
final class RobotHttpConnection {

	private static final int BUFFER_SIZE = 8192;

	// The longest status or header line accepted, so that a broken server cannot make a
	// robot buffer without end
	private static final int MAX_LINE = 8192;

	private final SocketChannel channel;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private final byte[] line = new byte[MAX_LINE];

	private final ByteBuffer peek = ByteBuffer.allocate(1);

	private int position;

	private int limit;

	private long idleSince;

	private RobotHttpConnection(SocketChannel channel, Socket socket) throws IOException {
		this.channel = channel;
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/**
	 * Open a plain connection.
	 * @param address where to connect
	 * @param connectTimeout how long to wait for the connection
	 * @return the connection
	 * @throws IOException if the connection could not be made
	 */
	static RobotHttpConnection open(InetSocketAddress address, Duration connectTimeout) throws IOException {
		SocketChannel channel = SocketChannel.open();
		try {
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.socket().connect(address, millis(connectTimeout));
			return new RobotHttpConnection(channel, channel.socket());
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Return this connection with TLS on top, the server's certificate checked against
	 * the host name, which is also sent as SNI unless it is an IP address.
	 * @param socketFactory makes the TLS socket
	 * @param host the host name the certificate must name
	 * @param port the port of the host
	 * @param handshakeTimeout how long to wait for each step of the handshake
	 * @return the TLS connection, over the same socket
	 * @throws IOException if the handshake failed; the socket is then closed
	 */
	RobotHttpConnection startTls(SSLSocketFactory socketFactory, String host, int port, Duration handshakeTimeout)
			throws IOException {
		if (this.position < this.limit) {
			throw new IOException("Unexpected bytes before the TLS handshake with " + host + ":" + port);
		}
		SSLSocket tls = (SSLSocket) socketFactory.createSocket(this.socket, host, port, true);
		SSLParameters parameters = tls.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!host.startsWith("[") && host.chars().anyMatch(Character::isLetter)) {
			// Set here because the JDK leaves it out for a name without a dot
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		tls.setSSLParameters(parameters);
		tls.setSoTimeout(millis(handshakeTimeout));
		tls.startHandshake();
		return new RobotHttpConnection(this.channel, tls);
	}

	/**
	 * Write a whole request and flush it, in one write to the socket.
	 * @param bytes holds the request
	 * @param length how many bytes of it to write
	 * @throws IOException if the write failed
	 */
	void write(byte[] bytes, int length) throws IOException {
		this.out.write(bytes, 0, length);
		this.out.flush();
	}

	void readTimeout(Duration readTimeout) throws IOException {
		this.socket.setSoTimeout(millis(readTimeout));
	}

	/**
	 * Read a line, without its line end, as ISO-8859-1.
	 * @return the line
	 * @throws EOFException if the server closed the connection first
	 * @throws IOException if the line is too long or reading failed
	 */
	String readLine() throws IOException {
		int length = 0;
		for (int next = read(); next != '\n'; next = read()) {
			if (next == -1) {
				throw new EOFException("The server closed the connection before the end of its answer");
			}
			if (length == MAX_LINE) {
				throw new IOException("The server's answer has a line longer than " + MAX_LINE + " bytes");
			}
			this.line[length++] = (byte) next;
		}
		if (length > 0 && this.line[length - 1] == '\r') {
			length--;
		}
		return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
	}

	int read() throws IOException {
		if (this.position == this.limit && !fill()) {
			return -1;
		}
		return this.buffer[this.position++] & 0xFF;
	}

	int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.position == this.limit) {
			if (length >= BUFFER_SIZE) {
				return this.in.read(bytes, offset, length);
			}
			if (!fill()) {
				return -1;
			}
		}
		int count = Math.min(length, this.limit - this.position);
		System.arraycopy(this.buffer, this.position, bytes, offset, count);
		this.position += count;
		return count;
	}

	private boolean fill() throws IOException {
		int count = this.in.read(this.buffer, 0, BUFFER_SIZE);
		if (count <= 0) {
			return false;
		}
		this.position = 0;
		this.limit = count;
		return true;
	}

	void idleSince(long millis) {
		this.idleSince = millis;
	}

	long idleSince() {
		return this.idleSince;
	}

	/**
	 * Return whether this idle connection can carry another request: the server has
	 * neither closed it nor sent anything since the last answer, which on an idle
	 * HTTP/1.1 connection only comes before a close. Reads without blocking.
	 * @return whether the connection is still quiet and open
	 */
	boolean isQuiet() {
		if (this.position < this.limit || !this.channel.isOpen()) {
			return false;
		}
		try {
			this.channel.configureBlocking(false);
			try {
				this.peek.clear();
				return this.channel.read(this.peek) == 0;
			}
			finally {
				this.channel.configureBlocking(true);
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Nothing more to do with a connection that is given up
		}
		finally {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// As above
			}
		}
	}

	private static int millis(Duration timeout) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
	}

}
