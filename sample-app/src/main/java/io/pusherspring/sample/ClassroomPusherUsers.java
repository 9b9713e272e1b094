package io.pusherspring.sample;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.pusherspring.auth.AuthRequest;
import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;
import io.pusherspring.sample.ClassroomUser.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who a page signs in to Pusher as ({@code pusher.signin()}): the classroom user, by id,
 * with their name; a teacher's watchlist is the class's students, so that Pusher tells
 * the teacher's page which of them are online.
 */
@Component
class ClassroomPusherUsers implements PusherUserResolver {

	private final ClassroomUsers users;

	ClassroomPusherUsers(ClassroomUsers users) {
		this.users = users;
	}

	// tag::watchlist[]
	@Override
	public @Nullable PusherUser resolve(@Nullable Principal principal, AuthRequest request) {
		ClassroomUser user = (principal != null) ? this.users.find(principal.getName()).orElse(null) : null;
		if (user == null) {
			return null;
		}
		List<String> watchlist = (user.role() == Role.TEACHER)
				? this.users.students().stream().map(ClassroomUser::id).toList() : List.of();
		return new PusherUser(user.id(), Map.of("name", user.name()), watchlist);
	}
	// end::watchlist[]

}
