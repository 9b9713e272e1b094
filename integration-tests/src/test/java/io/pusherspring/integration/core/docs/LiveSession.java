package io.pusherspring.integration.core.docs;

import java.util.Map;

import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.TriggerResult;

public class LiveSession {

	private final PusherOperations pusher;

	public LiveSession(PusherOperations pusher) {
		this.pusher = pusher;
	}

	public int askQuestion(Map<String, Object> question, String socketId) {
		PusherOperations pusher = this.pusher;
		// tag::trigger[]
		TriggerResult result = pusher.trigger(PusherMessage.builder()
			.channel("presence-session-7")
			.event("question.asked")
			.data(question)
			.excludeSocketId(socketId)
			.info(ChannelInfo.USER_COUNT)
			.build());
		int listening = result.userCount("presence-session-7").orElse(0);
		// end::trigger[]
		return listening;
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
