package io.pusherspring.sample;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.WebhookEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server's own record of which students are in which live session, kept from Pusher's
 * verified {@code member_added} and {@code member_removed} webhooks (not from what
 * browsers say), and broadcast to the teachers' channel on every change. Teachers in a
 * session are not listed. A delivery that Pusher retries reaches these listeners once:
 * the starter drops entries it has seen ({@code pusher.webhook.deduplication.*}).
 */
@Component
class SessionRoster {

	/** The teachers' private channel, where the roster is broadcast. */
	static final String CHANNEL = "private-teachers";

	private static final String SESSION_CHANNEL = "presence-session-";

	private final ClassroomUsers users;

	private final ApplicationEventPublisher events;

	private final Map<String, Set<String>> members = new TreeMap<>();

	SessionRoster(ClassroomUsers users, ApplicationEventPublisher events) {
		this.users = users;
		this.events = events;
	}

	// tag::webhooks[]
	@EventListener
	void memberAdded(MemberAdded event) {
		if (change(event, event.userId(), true)) {
			this.events.publishEvent(new RosterChanged(snapshot()));
		}
	}

	@EventListener
	void memberRemoved(MemberRemoved event) {
		if (change(event, event.userId(), false)) {
			this.events.publishEvent(new RosterChanged(snapshot()));
		}
	}
	// end::webhooks[]

	/**
	 * Which students are in each session now.
	 * @return session ids to the names of the students present, in order
	 */
	synchronized Map<String, List<String>> snapshot() {
		Map<String, List<String>> snapshot = new TreeMap<>();
		this.members.forEach((sessionId, userIds) -> snapshot.put(sessionId,
				userIds.stream().map(this.users::nameOf).sorted().toList()));
		return snapshot;
	}

	private synchronized boolean change(WebhookEvent event, String userId, boolean present) {
		if (!event.channel().startsWith(SESSION_CHANNEL) || !this.users.isStudent(userId)) {
			return false;
		}
		String sessionId = event.channel().substring(SESSION_CHANNEL.length());
		Set<String> session = this.members.computeIfAbsent(sessionId, (id) -> new TreeSet<>());
		boolean changed = present ? session.add(userId) : session.remove(userId);
		if (session.isEmpty()) {
			this.members.remove(sessionId);
		}
		return changed;
	}

}
