package io.pusherspring.integration.auth;

import java.util.Map;
import java.util.UUID;

import io.pusherspring.auth.AuthorizationManagerChannelAuthorizer;
import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

@Component
public class ClassroomChannels {

	private final Classroom classroom;

	public ClassroomChannels(Classroom classroom) {
		this.classroom = classroom;
	}

	// Each user may listen to their own private channel.
	@Bean
	static ChannelAuthorizer userChannels() {
		return ChannelAuthorizer.allowIf("private-user-{userId}",
				(context) -> context.variable("userId").equals(context.userName()));
	}

	// Any teacher may join the staff rooms: Spring Security's rules guard channels too.
	@Bean
	static ChannelAuthorizer staffRooms() {
		return new AuthorizationManagerChannelAuthorizer("private-staff-{room}",
				AuthorityAuthorizationManager.hasRole("TEACHER"));
	}

	// Members of a class may listen to it; class ids are UUIDs.
	@PusherChannel("private-class-{classId}")
	boolean classChannel(Authentication user, @ChannelVariable("classId") UUID classId) {
		return this.classroom.isMember(user.getName(), classId);
	}

	// Members of the session's class join its presence channel, showing who they are.
	@PusherChannel("presence-session-{sessionId}")
	@Nullable PresenceMember liveSession(Authentication user, @ChannelVariable("sessionId") UUID sessionId) {
		return this.classroom.classOfSession(sessionId)
			.filter((classId) -> this.classroom.isMember(user.getName(), classId))
			.flatMap((classId) -> this.classroom.user(user.getName()))
			.map((member) -> PresenceMember.of(member.id(),
					Map.of("name", member.name(), "avatar", member.avatar(), "role", member.role())))
			.orElse(null);
	}

}
