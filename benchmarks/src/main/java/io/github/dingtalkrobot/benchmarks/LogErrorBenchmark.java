package io.github.dingtalkrobot.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.logging.DingTalkAppender;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

/**
 * What {@code log.error("...", arg, exception)} costs the logging thread, sampled call by
 * call: with a {@link DingTalkAppender} on the root logger posting to the emulator, and,
 * as the baseline, with Logback's own {@link AsyncAppender} in front of an appender that
 * does nothing. The errors rotate over 20 loggers and the dedup window is ten seconds, so
 * that alerts and summaries keep flowing to the robot; {@code dingtalk-slow} has the
 * emulator answer each request after two seconds.
 * <p>
 * Run it with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests -Pbenchmark -Djmh.benchmarks=LogErrorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m", "-Dsun.net.httpserver.nodelay=true" })
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class LogErrorBenchmark {

	private static final int LOGGERS = 20;

	@Param({ "async-noop", "dingtalk", "dingtalk-slow" })
	private String appender = "dingtalk";

	private final LoggerContext loggerContext = new LoggerContext();

	private final Logger[] loggers = new Logger[LOGGERS];

	private final IllegalStateException failure = new IllegalStateException("Payment service unavailable");

	private @Nullable DingTalkEmulator emulator;

	private @Nullable DingTalkRobot robot;

	private int calls;

	@Setup
	public void attachAppender() {
		this.loggerContext.setMDCAdapter(MDC.getMDCAdapter());
		Appender<ILoggingEvent> attached = (this.appender.equals("async-noop")) ? asyncNoop() : dingTalk();
		attached.setContext(this.loggerContext);
		attached.start();
		Logger root = this.loggerContext.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(attached);
		for (int i = 0; i < LOGGERS; i++) {
			this.loggers[i] = this.loggerContext.getLogger("com.example.orders.Service" + i);
		}
	}

	@TearDown
	public void close() {
		this.loggerContext.stop();
		if (this.robot != null) {
			this.robot.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Benchmark
	public void logError() {
		int call = this.calls++;
		this.loggers[call % LOGGERS].error("Order {} failed", call, this.failure);
	}

	private Appender<ILoggingEvent> asyncNoop() {
		AppenderBase<ILoggingEvent> noop = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
			}

		};
		noop.setContext(this.loggerContext);
		noop.setName("NOOP");
		noop.start();
		AsyncAppender async = new AsyncAppender();
		async.setName("ASYNC");
		async.addAppender(noop);
		return async;
	}

	private Appender<ILoggingEvent> dingTalk() {
		DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();
		EmulatedRobot ops = emulator.registerRobot("ops", "benchmark-token");
		if (this.appender.equals("dingtalk-slow")) {
			ops.failNext(1_000_000).withDelay(Duration.ofSeconds(2));
		}
		DingTalkRobot robot = DingTalkRobot.builder("ops").webhook(ops.webhook()).build();
		this.emulator = emulator;
		this.robot = robot;
		DingTalkAppender dingTalk = new DingTalkAppender();
		dingTalk.setName("DINGTALK");
		dingTalk.setDingTalkRobot(robot);
		dingTalk.setDedupWindow("10s");
		return dingTalk;
	}

}
