package com.example.classroom;

import io.pusherspring.auth.ChannelAuthorizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AnnouncementChannels {

	// A decision from the channel name alone never blocks: declared so, it runs on the
	// event loop instead of Reactor's bounded elastic scheduler.
	@Bean
	ChannelAuthorizer classAnnouncements() {
		return ChannelAuthorizer
			.allowIf("private-class-{classId}-announcements",
					(context) -> context.variable("classId").chars().allMatch(Character::isDigit))
			.nonBlocking();
	}

}
