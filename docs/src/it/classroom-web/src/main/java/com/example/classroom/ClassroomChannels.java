package com.example.classroom;

import java.util.Map;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

@Configuration(proxyBeanMethods = false)
public class ClassroomChannels {

	// Each user may listen to their own private channel.
	@PusherChannel("private-user-{userId}")
	boolean ownChannel(Authentication user, @ChannelVariable("userId") String userId) {
		return user.getName().equals(userId);
	}

	// Anyone signed in may join a class, and the class sees who they are.
	@Bean
	ChannelAuthorizer classPresence() {
		return ChannelAuthorizer.presence("presence-class-{classId}",
				(context) -> PresenceMember.of(context.userName(), Map.of("name", context.userName())));
	}

}
