package io.github.dingtalkrobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real {@code redis-server} on 127.0.0.1, from the binary that
 * {@code com.github.codemonstur:embedded-redis} carries, started for a test class
 * (register it with {@code @RegisterExtension static}) and emptied before each test. It
 * can be stopped and started again on the same port; it keeps nothing on disk, so a
 * restart loses every key. The connection factories it makes fail commands at once while
 * Redis is down, after at most two seconds, as an application should configure them.
 */
public final class EmbeddedRedis implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private final int port = freePort();

	private final List<LettuceConnectionFactory> connectionFactories = new ArrayList<>();

	private RedisServer server;

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		flushAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.connectionFactories.forEach(LettuceConnectionFactory::destroy);
		this.connectionFactories.clear();
		stop();
	}

	/**
	 * Remove every key, as a Redis that lost its data would.
	 */
	public synchronized void flushAll() {
		// A connection of its own: one kept across a restart of the server may not have
		// reconnected yet
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		try {
			new StringRedisTemplate(connectionFactory).execute((connection) -> {
				connection.serverCommands().flushAll();
				return null;
			}, true);
		}
		finally {
			connectionFactory.destroy();
		}
	}

	public int port() {
		return this.port;
	}

	public synchronized void start() {
		try {
			this.server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("save \"\"")
				.setting("appendonly no")
				.soutListener((line) -> {
				})
				.serrListener((line) -> {
				})
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public synchronized void stop() {
		try {
			if (this.server != null && this.server.isActive()) {
				this.server.stop();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a new connection factory, started, and closed with this server.
	 * @return the connection factory
	 */
	public synchronized LettuceConnectionFactory connectionFactory() {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build())
			.build();
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port), client);
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		this.connectionFactories.add(connectionFactory);
		return connectionFactory;
	}

	/**
	 * Return a template on a new connection factory.
	 * @return the template
	 */
	public StringRedisTemplate template() {
		return new StringRedisTemplate(connectionFactory());
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
