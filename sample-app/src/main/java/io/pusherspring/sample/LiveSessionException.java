package io.pusherspring.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request about a live session that does not exist (404), or that its status does not
 * allow (409), answered as a {@link ProblemDetail} before anything is published.
 */
class LiveSessionException extends ErrorResponseException {

	private LiveSessionException(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	static LiveSessionException unknown(long sessionId) {
		return new LiveSessionException(HttpStatus.NOT_FOUND, "No session " + sessionId);
	}

	static LiveSessionException notLive(long sessionId) {
		return new LiveSessionException(HttpStatus.CONFLICT, "Session " + sessionId + " is not live");
	}

	static LiveSessionException alreadyLive(long sessionId) {
		return new LiveSessionException(HttpStatus.CONFLICT, "Session " + sessionId + " is already live");
	}

}
