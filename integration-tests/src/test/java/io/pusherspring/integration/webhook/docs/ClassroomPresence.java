package io.pusherspring.integration.webhook.docs;

import io.pusherspring.webhook.ChannelVacated;
import io.pusherspring.webhook.ClientEvent;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.WebhookEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
public class ClassroomPresence {

	private static final String CLASS_CHANNEL = "presence-class-";

	private final ClassRoster roster;

	public ClassroomPresence(ClassRoster roster) {
		this.roster = roster;
	}

	@EventListener
	public void memberAdded(MemberAdded event) {
		this.roster.join(classId(event), event.userId());
	}

	@EventListener
	public void memberRemoved(MemberRemoved event) {
		this.roster.leave(classId(event), event.userId());
	}

	@EventListener
	public void classEmptied(ChannelVacated event) {
		if (event.channel().startsWith(CLASS_CHANNEL)) {
			this.roster.close(classId(event));
		}
	}

	@EventListener(condition = "#event.event() == 'client-raise-hand'")
	public void handRaised(ClientEvent event) {
		RaisedHand hand = event.data(RaisedHand.class);
		this.roster.raiseHand(classId(event), event.userId(), hand.question());
	}

	private static String classId(WebhookEvent event) {
		return event.channel().substring(CLASS_CHANNEL.length());
	}

	record RaisedHand(String question) {
	}

}
