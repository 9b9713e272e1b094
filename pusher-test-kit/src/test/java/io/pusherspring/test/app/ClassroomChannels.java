package io.pusherspring.test.app;

import java.util.Map;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may subscribe to what in the test application: each user to their own private
 * channel, everyone to the presence channels of classes; users sign in with their name.
 *
 * @author pusher-spring-boot
 */
@Configuration(proxyBeanMethods = false)
public class ClassroomChannels {

	@Bean
	ChannelAuthorizer userChannels() {
		return ChannelAuthorizer.allowIf("private-user-{userId}",
				(context) -> context.variable("userId").equals(context.userName()));
	}

	@Bean
	ChannelAuthorizer classPresence() {
		return ChannelAuthorizer.presence("presence-class-{classId}",
				(context) -> PresenceMember.of(context.userName(), Map.of("name", "Ada")));
	}

	@Bean
	PusherUserResolver pusherUsers() {
		return (principal, request) -> PusherUser.of(principal.getName(), Map.of("name", "Ada"));
	}

}
