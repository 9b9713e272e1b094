package io.pusherspring.integration.core.docs;

import java.util.Map;

import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherOperations;

public class LiveSession {

	private final PusherOperations pusher;

	public LiveSession(PusherOperations pusher) {
		this.pusher = pusher;
	}

	public Outcome startQuiz(Map<String, Object> quiz) {
		PusherOperations pusher = this.pusher;
		// tag::possibly-delivered[]
		try {
			pusher.trigger("presence-session-7", "quiz.started", quiz);
			return Outcome.SENT;
		}
		catch (PusherException ex) {
			// Pusher has no idempotency key: publishing again may show the quiz twice
			return ex.isPossiblyDelivered() ? Outcome.MAYBE_SENT : Outcome.NOT_SENT;
		}
		// end::possibly-delivered[]
	}

	public enum Outcome {

		SENT, MAYBE_SENT, NOT_SENT

	}

}
