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

	// Pusher's member_added webhook, verified by the starter: tell the class who joined.
	@EventListener
	public void memberAdded(MemberAdded event) {
		this.pusher.trigger(event.channel(), "roster.changed", Map.of("joined", event.userId()));
	}

}
