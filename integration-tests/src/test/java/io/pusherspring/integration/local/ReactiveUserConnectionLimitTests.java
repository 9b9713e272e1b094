package io.pusherspring.integration.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.core.PusherObservationContext;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link UserConnectionLimitScenarios user connection limit} in a Spring WebFlux
 * application, where Pusher is asked for the count off the event loop, although the
 * authorizer that decides first runs on it.
 */
@SpringBootTest(
		classes = { ReactiveLiveClassroomApplication.class, UserConnectionLimitScenarios.OwnChannels.class,
				ReactiveUserConnectionLimitTests.CountQueryThreads.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pusher.auth.user.max-connections=2", "spring.main.web-application-type=reactive" })
class ReactiveUserConnectionLimitTests extends UserConnectionLimitScenarios {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer().subscriptionCounting(true);

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private CountQueryThreads countQueries;

	@Override
	LocalPusherServer pusher() {
		return pusher;
	}

	@Test
	void asksPusherForTheCountOffTheEventLoop() throws Exception {
		this.countQueries.threads.clear();
		assertThat(channelAuth("alan", "private-user-alan").statusCode()).isEqualTo(200);
		assertThat(channelAuth("ada", "private-user-ada").statusCode()).isEqualTo(200);
		assertThat(this.countQueries.threads).hasSize(2)
			.allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic-"));
	}

	/**
	 * Records the thread of each channel query the template makes (the recorder is not a
	 * bean, so that Spring Boot does not register it with the registry a second time).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountQueryThreads {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<PusherObservationContext>() {

				@Override
				public void onStart(PusherObservationContext context) {
					if (context.getOperation().equals("channel")) {
						CountQueryThreads.this.threads.add(Thread.currentThread().getName());
					}
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof PusherObservationContext;
				}

			});
			return registry;
		}

	}

}
