package io.pusherspring.sample;

import java.util.Locale;
import java.util.Map;

import io.pusherspring.auth.AuthorizationManagerChannelAuthorizer;
import io.pusherspring.auth.ChannelAuthorizationContext;
import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may subscribe to which channel; every other private, encrypted or presence channel
 * is refused.
 */
@Component
class ClassroomChannels {

	private final ClassroomUsers users;

	private final LiveSessions sessions;

	ClassroomChannels(ClassroomUsers users, LiveSessions sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	// Notifications and lesson progress: each user hears only their own.
	@Bean
	static ChannelAuthorizer userChannels() {
		return ChannelAuthorizer.allowIf("private-user-{userId}", ClassroomChannels::ownChannel);
	}

	// Private notes, end-to-end encrypted: only their recipient can read them.
	@Bean
	static ChannelAuthorizer noteChannels() {
		return ChannelAuthorizer.allowIf("private-encrypted-user-{userId}", ClassroomChannels::ownChannel);
	}

	// The roster kept from webhooks: teachers only.
	@Bean
	static ChannelAuthorizer teachersChannel() {
		return new AuthorizationManagerChannelAuthorizer(SessionRoster.CHANNEL,
				AuthorityAuthorizationManager.hasRole("TEACHER"));
	}

	// A tutor agent works for one student: that student and the teachers may watch it.
	@PusherChannel("private-agent-{agentId}")
	boolean agentChannel(Authentication user, @ChannelVariable("agentId") String agentId) {
		return agentId.equals(TutorAgent.idFor(user.getName())) || isTeacher(user);
	}

	// Everyone in the class joins a live session that exists, showing their name,
	// initials and role.
	@PusherChannel("presence-session-{sessionId}")
	@Nullable PresenceMember liveSession(Authentication user, @ChannelVariable("sessionId") long sessionId) {
		if (this.sessions.find(sessionId).isEmpty()) {
			return null;
		}
		return this.users.find(user.getName())
			.map((member) -> PresenceMember.of(member.id(),
					Map.of("name", member.name(), "initials", member.initials(), "role",
							member.role().name().toLowerCase(Locale.ROOT))))
			.orElse(null);
	}

	private static boolean ownChannel(ChannelAuthorizationContext context) {
		return context.variable("userId").equals(context.userName());
	}

	private static boolean isTeacher(Authentication user) {
		return user.getAuthorities().stream().anyMatch((authority) -> "ROLE_TEACHER".equals(authority.getAuthority()));
	}

}
