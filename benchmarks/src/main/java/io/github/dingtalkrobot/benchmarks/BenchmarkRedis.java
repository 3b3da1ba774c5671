package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis server for the cluster benchmarks, the one that embedded-redis carries: on
 * a free loopback port, without persistence, its output discarded.
 */
final class BenchmarkRedis implements AutoCloseable {

	private final int port;

	private final RedisServer server;

	private BenchmarkRedis(int port, RedisServer server) {
		this.port = port;
		this.server = server;
	}

	/**
	 * Start a server.
	 * @return the running server
	 * @throws IOException if it did not start
	 */
	static BenchmarkRedis start() throws IOException {
		int port = freePort();
		RedisServer server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("save \"\"")
			.setting("appendonly no")
			.soutListener((line) -> {
			})
			.build();
		server.start();
		return new BenchmarkRedis(port, server);
	}

	/**
	 * Return the server's port.
	 * @return the port
	 */
	int port() {
		return this.port;
	}

	/**
	 * Return a new, started connection factory for the server.
	 * @return the connection factory; destroy it when done
	 */
	LettuceConnectionFactory connectionFactory() {
		return connectionFactory(this.port);
	}

	/**
	 * Return a new, started connection factory for a server on the given port, such as
	 * one that another process started.
	 * @param port the server's port
	 * @return the connection factory; destroy it when done
	 */
	static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		return connectionFactory;
	}

	@Override
	public void close() throws IOException {
		this.server.stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
