package io.pusherspring.sample;

import io.pusherspring.core.PusherValidationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers input that Pusher would refuse (too large, bad names) with 400 and the rule
 * that was broken, instead of a 500.
 *
 * @author pusher-spring-boot
 */
@RestControllerAdvice
class PusherErrorHandler {

	@ExceptionHandler
	ProblemDetail invalidForPusher(PusherValidationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Cannot be broadcast");
		return problem;
	}

}
