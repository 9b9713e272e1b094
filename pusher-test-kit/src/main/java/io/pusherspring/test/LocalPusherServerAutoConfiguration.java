package io.pusherspring.test;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherConnectionDetails;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Points the starter at a {@link LocalPusherServer} bean: its
 * {@linkplain LocalPusherServer#connectionDetails() connection details} become the
 * application's {@link PusherConnectionDetails}, unless the application declares its own.
 */
@AutoConfiguration(before = { PusherAutoConfiguration.class, RecordPusherEventsAutoConfiguration.class })
@ConditionalOnSingleCandidate(LocalPusherServer.class)
public final class LocalPusherServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PusherConnectionDetails.class)
	PusherConnectionDetails localPusherServerConnectionDetails(LocalPusherServer localPusherServer) {
		return localPusherServer.connectionDetails();
	}

}
