package io.pusherspring.integration.signout;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.pusherspring.core.PusherOperations;

/**
 * The users an administrator banned: their connections end at once, and their next
 * sign-in to Pusher is refused.
 */
public class Bans {

	private final Set<String> banned = ConcurrentHashMap.newKeySet();

	private final PusherOperations pusher;

	Bans(PusherOperations pusher) {
		this.pusher = pusher;
	}

	// tag::ban[]
	public void ban(String login) {
		this.banned.add(login); // first, so that a reconnecting client is refused
		this.pusher.terminateUserConnections(SignOutApplication.pusherUserId(login));
	}
	// end::ban[]

	public boolean isBanned(String login) {
		return this.banned.contains(login);
	}

}
