package io.pusherspring.integration.auth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.auth.PusherAuthorizationEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
public class AuthorizationAudit {

	private final List<String> trail = new CopyOnWriteArrayList<>();

	@EventListener
	void record(PusherAuthorizationEvent decision) {
		this.trail.add(decision.outcome() + " " + decision.user() + " " + decision.channel() + " by "
				+ decision.pattern() + ": " + decision.reason());
	}

	public List<String> trail() {
		return this.trail;
	}

}
