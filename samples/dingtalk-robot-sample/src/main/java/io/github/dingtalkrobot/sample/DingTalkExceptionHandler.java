package io.github.dingtalkrobot.sample;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.NoSuchDingTalkRobotException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a message that could not be sent with an RFC 9457 problem detail. The
 * exceptions' messages are safe to show: they never contain a robot's access token,
 * secret or signature.
 */
@RestControllerAdvice
// Before Spring Boot's own problem details, which list invalid fields in no fixed order
@Order(Ordered.HIGHEST_PRECEDENCE)
class DingTalkExceptionHandler {

	private final MessageSource messageSource;

	DingTalkExceptionHandler(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	@ExceptionHandler
	ProblemDetail unknownRobot(NoSuchDingTalkRobotException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Unknown DingTalk robot", ex);
		problem.setProperty("knownRobots", ex.knownNames());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(DingTalkRateLimitedException ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "DingTalk robot sent too many messages", ex);
		problem.setProperty("fromDingTalk", ex.fromDingTalk());
		// Only when DingTalk answered: the robot's own limit has no errcode
		if (ex.errorCode() != null) {
			problem.setProperty("errcode", ex.errorCode());
		}
		return ResponseEntity.of(problem)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(secondsRoundedUp(ex.retryAfter())))
			.build();
	}

	@ExceptionHandler
	ProblemDetail refused(DingTalkApiException ex) {
		return refused(HttpStatus.BAD_GATEWAY, "DingTalk refused the message", ex);
	}

	@ExceptionHandler
	ProblemDetail tooLarge(DingTalkMessageTooLargeException ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Message too large for DingTalk", ex);
		problem.setProperty("size", ex.size());
		problem.setProperty("limit", ex.limit());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notSent(DingTalkException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "Message not sent to DingTalk", ex);
	}

	// The request's own field names, in alphabetical order, so that the answer to the
	// same request is always the same
	@ExceptionHandler
	ProblemDetail invalidRequest(MethodArgumentNotValidException ex, Locale locale) {
		String errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField)
				.thenComparing(FieldError::getCode, Comparator.nullsFirst(Comparator.naturalOrder())))
			.map((error) -> this.messageSource.getMessage(error, locale))
			.collect(Collectors.joining(", "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid request content: " + errors);
		problem.setTitle("Bad Request");
		return problem;
	}

	// Messages refuse an invalid field, such as a URL that is not http(s), when they are
	// built
	@ExceptionHandler
	ProblemDetail invalidMessage(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid DingTalk message");
		return problem;
	}

	private static ProblemDetail refused(HttpStatus status, String title, DingTalkApiException ex) {
		ProblemDetail problem = problem(status, title, ex);
		problem.setProperty("errcode", ex.errorCode());
		return problem;
	}

	// Retry-After counts whole seconds; rounding down would ask to retry too early
	private static long secondsRoundedUp(Duration duration) {
		return duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0);
	}

	private static ProblemDetail problem(HttpStatus status, String title, DingTalkException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("robot", ex.robotName());
		problem.setProperty("retryable", ex.isRetryable());
		return problem;
	}

}
