package io.pusherspring.integration.core.docs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.pusherspring.autoconfigure.PusherTemplateBuilderCustomizer;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherPublishListener;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PusherCustomizations {

	// tag::customizer[]
	@Bean
	PusherTemplateBuilderCustomizer patientWithRateLimits() {
		return (builder) -> builder.maxRetryAfter(Duration.ofSeconds(10));
	}
	// end::customizer[]

	// tag::listener[]
	@Bean
	FailedPublications failedPublications() {
		return new FailedPublications();
	}

	public static class FailedPublications implements PusherPublishListener {

		private final AtomicInteger failed = new AtomicInteger();

		private final AtomicInteger possiblyDelivered = new AtomicInteger();

		@Override
		public void onError(PusherMessage message, PusherException exception) {
			this.failed.incrementAndGet();
			if (exception.isPossiblyDelivered()) {
				this.possiblyDelivered.incrementAndGet();
			}
		}

		public int failed() {
			return this.failed.get();
		}

		public int possiblyDelivered() {
			return this.possiblyDelivered.get();
		}

	}
	// end::listener[]

}
