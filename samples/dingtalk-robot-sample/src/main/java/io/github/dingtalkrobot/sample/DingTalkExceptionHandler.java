package io.github.dingtalkrobot.sample;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.NoSuchDingTalkRobotException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a message that could not be sent with an RFC 9457 problem detail. The
 * exceptions' messages are safe to show: they never contain a robot's access token,
 * secret or signature.
 */
@RestControllerAdvice
class DingTalkExceptionHandler {

	@ExceptionHandler
	ProblemDetail unknownRobot(NoSuchDingTalkRobotException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Unknown DingTalk robot", ex);
		problem.setProperty("knownRobots", ex.knownNames());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(DingTalkRateLimitedException ex) {
		ProblemDetail problem = refused(HttpStatus.TOO_MANY_REQUESTS, "DingTalk robot sent too many messages", ex);
		return ResponseEntity.of(problem)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
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

	private static ProblemDetail problem(HttpStatus status, String title, DingTalkException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("robot", ex.robotName());
		problem.setProperty("retryable", ex.isRetryable());
		return problem;
	}

}
