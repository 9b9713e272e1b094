package io.pusherspring.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown for a check-in or an end of a session that is not live: 409.
 */
class SessionNotLiveException extends ErrorResponseException {

	SessionNotLiveException(long sessionId) {
		super(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Session " + sessionId + " is not live"), null);
	}

}
