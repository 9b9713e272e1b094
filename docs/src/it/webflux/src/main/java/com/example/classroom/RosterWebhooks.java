package com.example.classroom;

import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.webhook.MemberAdded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
public class RosterWebhooks {

	private final PusherOperations pusher;

	public RosterWebhooks(PusherOperations pusher) {
		this.pusher = pusher;
	}

	// Called off the event loop: a listener may block, as here to publish.
	@EventListener
	void memberAdded(MemberAdded event) {
		this.pusher.trigger(event.channel(), "roster.changed", Map.of("joined", event.userId()));
	}

}
