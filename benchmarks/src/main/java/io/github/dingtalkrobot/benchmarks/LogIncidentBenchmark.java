package io.github.dingtalkrobot.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.logging.DingTalkAppender;
import org.slf4j.MDC;

/**
 * An incident: 10,000 errors of 20 kinds (20 loggers, 500 errors each, interleaved)
 * logged evenly over one minute through a {@link DingTalkAppender} with its defaults (a
 * dedup window of 5 minutes), posting through a robot with DingTalk's limit of 20
 * messages a minute to the emulator, on a clock that runs faster than real time (60 times
 * unless the first argument says otherwise). It prints the messages DingTalk delivered in
 * the incident's minute and in all, the {@code 130101} answers, and how many kinds were
 * reported with their full count in a summary.
 * <p>
 * Run it with {@code ./mvnw -pl benchmarks -am package -DskipTests -Pincident}.
 */
public final class LogIncidentBenchmark {

	private static final int KINDS = 20;

	private static final int ERRORS = 10_000;

	private static final Duration INCIDENT = Duration.ofMinutes(1);

	// At 10x, a request on loopback takes about as long in emulated time as one to
	// DingTalk in real time
	private static final long DEFAULT_SPEED_UP = 10;

	// A summary: "**×500** in the last 5 minutes, ..." and, further down, its logger
	private static final Pattern SUMMARY = Pattern
		.compile("\\*\\*×(\\d+)\\*\\* in the last .*?- \\*\\*Logger:\\*\\* (\\S+)", Pattern.DOTALL);

	private static final Pattern DROPPED = Pattern.compile("- \\*\\*Dropped:\\*\\* (\\d+)");

	private LogIncidentBenchmark() {
	}

	public static void main(String[] args) {
		long speedUp = (args.length > 0) ? Long.parseLong(args[0]) : DEFAULT_SPEED_UP;
		ScaledClock clock = new ScaledClock(Instant.now(), speedUp);
		LoggerContext loggerContext = new LoggerContext();
		loggerContext.setMDCAdapter(MDC.getMDCAdapter());
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().clock(clock).build().start()) {
			warmUp(emulator);
			EmulatedRobot ops = emulator.registerRobot("ops", "incident-token");
			DingTalkRobot robot = DingTalkRobot.builder("ops").webhook(ops.webhook()).clock(clock).build();
			DingTalkAppender appender = new DingTalkAppender();
			appender.setContext(loggerContext);
			appender.setName("DINGTALK");
			appender.setDingTalkRobot(robot);
			appender.setClock(clock);
			appender.start();
			loggerContext.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
			Instant start = clock.instant();
			long realStart = System.nanoTime();
			logIncident(loggerContext, clock, start);
			Map<String, Long> reported = awaitSummaries(ops, Duration.ofSeconds(60));
			appender.stop();
			robot.close();
			Duration real = Duration.ofNanos(System.nanoTime() - realStart);
			List<RecordedRequest> delivered = ops.receivedMessages();
			long inIncident = delivered.stream()
				.filter((request) -> request.receivedAt().isBefore(start.plus(INCIDENT)))
				.count();
			long fullyCounted = reported.values().stream().filter((count) -> count == ERRORS / KINDS).count();
			System.out.printf("%d errors of %d kinds in %d s (emulated); DingTalk's limit of 20 messages a minute; "
					+ "clock %dx real time%n%n", ERRORS, KINDS, INCIDENT.toSeconds(), speedUp);
			System.out.printf("%-28s %s%n", "messages in the minute", inIncident);
			System.out.printf("%-28s %s%n", "messages in all", delivered.size());
			System.out.printf("%-28s %s%n", "requests", ops.requests().size());
			System.out.printf("%-28s %s%n", "130101 answers", ops.rateViolations());
			System.out.printf("%-28s %d of %d%n", "kinds summarized with ×" + (ERRORS / KINDS), fullyCounted, KINDS);
			System.out.printf("%-28s %s%n", "counts reported", reported.values());
			System.out.printf("%-28s %s%n", "events dropped", dropped(delivered));
			System.out.printf(Locale.ROOT, "%-28s %d%n", "real time (ms)", real.toMillis());
		}
		finally {
			loggerContext.stop();
		}
	}

	// Unmeasured, so that the first alert does not pay for class loading and the JIT
	private static void warmUp(DingTalkEmulator emulator) {
		EmulatedRobot warmUp = emulator.registerRobot("warm-up", "warm-up-token");
		try (DingTalkRobot robot = DingTalkRobot.builder("warm-up").webhook(warmUp.webhook()).build()) {
			robot.sendMarkdown("Warm-up", "Warm-up");
		}
	}

	private static void logIncident(LoggerContext loggerContext, ScaledClock clock, Instant start) {
		Logger[] loggers = new Logger[KINDS];
		IllegalStateException[] failures = new IllegalStateException[KINDS];
		for (int kind = 0; kind < KINDS; kind++) {
			loggers[kind] = loggerContext.getLogger(String.format(Locale.ROOT, "com.example.incident.Kind%02d", kind));
			failures[kind] = new IllegalStateException("Dependency " + kind + " unavailable");
		}
		long interval = INCIDENT.toNanos() / ERRORS;
		for (int i = 0; i < ERRORS; i++) {
			Instant due = start.plusNanos(interval * i);
			Duration ahead = Duration.between(clock.instant(), due);
			if (!ahead.isNegative() && !ahead.isZero()) {
				LockSupport.parkNanos(ahead.toNanos() / clock.factor());
			}
			loggers[i % KINDS].error("Request {} failed", i, failures[i % KINDS]);
		}
	}

	private static long dropped(List<RecordedRequest> delivered) {
		long dropped = 0;
		for (RecordedRequest request : delivered) {
			Matcher matcher = DROPPED.matcher(String.valueOf(request.text()));
			while (matcher.find()) {
				dropped += Long.parseLong(matcher.group(1));
			}
		}
		return dropped;
	}

	private static Map<String, Long> awaitSummaries(EmulatedRobot ops, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, Long> reported = new HashMap<>();
		while (reported.size() < KINDS && System.nanoTime() < deadline) {
			reported.clear();
			for (RecordedRequest request : ops.receivedMessages()) {
				Matcher matcher = SUMMARY.matcher(String.valueOf(request.text()));
				while (matcher.find()) {
					reported.merge(matcher.group(2), Long.parseLong(matcher.group(1)), Long::sum);
				}
			}
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}
		return reported;
	}

}
