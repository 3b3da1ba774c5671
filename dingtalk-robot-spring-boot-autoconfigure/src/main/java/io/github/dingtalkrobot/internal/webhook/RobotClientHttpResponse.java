package io.github.dingtalkrobot.internal.webhook;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An answer read by the {@link RobotHttpTransport}. Its body is framed by
 * {@code Content-Length}, by {@code Transfer-Encoding: chunked} or by the end of the
 * connection. Once the body has been read to its end, a connection that the server keeps
 * alive goes back to the transport for the next request; otherwise it is closed.
 */
final class RobotClientHttpResponse implements ClientHttpResponse {

	// Closing an answer before its end reads this much of the rest to keep the
	// connection; a longer rest costs less as a new connection
	private static final int DRAIN_LIMIT = 64 * 1024;

	private final ResponseHead head;

	private final Body body;

	/**
	 * Create the answer whose head was just read.
	 * @param head the status line and headers
	 * @param connection the connection the body comes from
	 * @param bodiless whether the answer has no body, as the answer to a {@code HEAD}
	 * request
	 * @param reuse takes the connection back once the body has been read, if the server
	 * keeps it alive
	 * @throws IOException if the head's framing headers are invalid
	 */
	RobotClientHttpResponse(ResponseHead head, RobotHttpConnection connection, boolean bodiless,
			Consumer<RobotHttpConnection> reuse) throws IOException {
		this.head = head;
		boolean chunked = !bodiless && !head.bodiless() && head.chunked();
		long length = (bodiless || head.bodiless()) ? 0 : (chunked ? 0 : head.contentLength());
		this.body = new Body(connection, chunked, length, head.keepAlive() && length >= 0, reuse);
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatusCode.valueOf(this.head.status());
	}

	@Override
	public String getStatusText() {
		return this.head.reason();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.head.headers();
	}

	@Override
	public InputStream getBody() {
		return this.body;
	}

	@Override
	public void close() {
		this.body.close();
	}

	private static final class Body extends InputStream {

		private final RobotHttpConnection connection;

		private final boolean chunked;

		private final boolean reusable;

		private final Consumer<RobotHttpConnection> reuse;

		private final byte[] single = new byte[1];

		// Bytes left in the body, or in the current chunk; -1 until the connection ends
		private long remaining;

		private boolean chunkRead;

		private boolean ended;

		private boolean released;

		Body(RobotHttpConnection connection, boolean chunked, long length, boolean reusable,
				Consumer<RobotHttpConnection> reuse) {
			this.connection = connection;
			this.chunked = chunked;
			this.remaining = length;
			this.reusable = reusable;
			this.reuse = reuse;
			if (length == 0 && !chunked) {
				end();
			}
		}

		@Override
		public int read() throws IOException {
			return (read(this.single, 0, 1) == 1) ? this.single[0] & 0xFF : -1;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (this.ended || this.released) {
				return -1;
			}
			try {
				if (this.chunked && this.remaining == 0 && !nextChunk()) {
					end();
					return -1;
				}
				int count = this.connection.read(bytes, offset,
						(this.remaining < 0) ? length : (int) Math.min(length, this.remaining));
				if (count == -1) {
					if (this.remaining < 0) {
						end();
						return -1;
					}
					throw new EOFException("The server closed the connection before the end of its answer");
				}
				if (this.remaining > 0) {
					this.remaining -= count;
					if (this.remaining == 0 && !this.chunked) {
						end();
					}
				}
				return count;
			}
			catch (IOException ex) {
				giveUp();
				throw ex;
			}
		}

		private boolean nextChunk() throws IOException {
			if (this.chunkRead && !this.connection.readLine().isEmpty()) {
				throw new IOException("The server answered with a malformed chunk");
			}
			String sizeLine = this.connection.readLine();
			int extension = sizeLine.indexOf(';');
			long size;
			try {
				size = Long.parseLong(((extension != -1) ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
			}
			catch (NumberFormatException ex) {
				size = -1;
			}
			if (size < 0) {
				throw new IOException("The server answered with a malformed chunk size");
			}
			if (size == 0) {
				// Trailers, which nothing here needs, end with an empty line
				while (!this.connection.readLine().isEmpty()) {
					// Skip
				}
				return false;
			}
			this.remaining = size;
			this.chunkRead = true;
			return true;
		}

		private void end() {
			this.ended = true;
			release(this.reusable);
		}

		private void giveUp() {
			this.ended = true;
			release(false);
		}

		private void release(boolean reusable) {
			if (!this.released) {
				this.released = true;
				if (reusable) {
					this.reuse.accept(this.connection);
				}
				else {
					this.connection.close();
				}
			}
		}

		@Override
		public void close() {
			if (this.released) {
				return;
			}
			if (this.reusable) {
				drain();
			}
			release(false);
		}

		// Reads the rest of a short body, which releases the connection for reuse
		private void drain() {
			try {
				byte[] skipped = new byte[4096];
				for (int total = 0; total < DRAIN_LIMIT && !this.ended;) {
					int count = read(skipped, 0, skipped.length);
					if (count > 0) {
						total += count;
					}
				}
			}
			catch (IOException ex) {
				// The connection is closed, which is all a failed drain needs
			}
		}

	}

}
