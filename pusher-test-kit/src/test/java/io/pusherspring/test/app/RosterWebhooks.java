package io.pusherspring.test.app;

import io.pusherspring.webhook.MemberAdded;

import org.springframework.context.event.EventListener;

/**
 * Tells a class who joined, from Pusher's verified {@code member_added} webhooks.
 */
public class RosterWebhooks {

	private final NotificationService notifications;

	public RosterWebhooks(NotificationService notifications) {
		this.notifications = notifications;
	}

	@EventListener
	public void memberAdded(MemberAdded event) {
		this.notifications.memberJoined(event.channel(), event.userId());
	}

}
