package com.example.classroom;

import java.util.Map;

import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

@Component
public class ClassroomChannels {

	// Each user may listen to their own private channel.
	@PusherChannel("private-user-{userId}")
	Mono<Boolean> ownChannel(Authentication user, @ChannelVariable("userId") String userId) {
		return Mono.just(user.getName().equals(userId));
	}

	// Anyone signed in may join a class, and the class sees who they are.
	@PusherChannel("presence-class-{classId}")
	Mono<PresenceMember> classPresence(Authentication user) {
		return Mono.just(PresenceMember.of(user.getName(), Map.of("name", user.getName())));
	}

}
