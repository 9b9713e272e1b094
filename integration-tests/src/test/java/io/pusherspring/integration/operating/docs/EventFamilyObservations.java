package io.pusherspring.integration.operating.docs;

import io.micrometer.common.KeyValue;
import io.pusherspring.core.DefaultPusherObservationConvention;
import io.pusherspring.core.PusherObservationContext;
import io.pusherspring.core.PusherObservationConvention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tags template calls by event family ({@code announcement.posted} and
 * {@code announcement.edited} are both {@code announcement}) instead of by event name.
 */
@Configuration(proxyBeanMethods = false)
public class EventFamilyObservations {

	// tag::convention[]
	@Bean
	PusherObservationConvention eventFamilyObservationConvention() {
		return new DefaultPusherObservationConvention() {

			@Override
			protected KeyValue event(PusherObservationContext context) {
				KeyValue event = super.event(context);
				String family = event.getValue().split("\\.", 2)[0];
				return KeyValue.of(event.getKey(), family);
			}

		};
	}
	// end::convention[]

}
