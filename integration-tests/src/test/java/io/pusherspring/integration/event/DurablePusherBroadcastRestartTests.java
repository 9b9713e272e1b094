package io.pusherspring.integration.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broadcast that could not be delivered before the application stopped is delivered
 * when it starts again with
 * {@code spring.modulith.events.republish-outstanding-events-on-restart}.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class DurablePusherBroadcastRestartTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	private final String database = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Test
	void incompleteBroadcastIsDeliveredOnceAtRestart() {
		pusher.failNext(1, 503);
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(AgentService.class).changeStatus("tutor-9", "offline");
			assertThat(first.getBean(EventPublicationRegistry.class).findIncompletePublications()).hasSize(1);
		}
		assertThat(pusher.recorder()).hasNoEvents();
		try (ConfigurableApplicationContext second = start(
				"spring.modulith.events.republish-outstanding-events-on-restart=true")) {
			assertThat(pusher.recorder()).hasTriggeredTimes(1, "private-agent-tutor-9", "agent.status");
			assertThat(second.getBean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
		}
		try (ConfigurableApplicationContext third = start(
				"spring.modulith.events.republish-outstanding-events-on-restart=true")) {
			assertThat(pusher.recorder()).hasTriggeredTimes(1, "private-agent-tutor-9", "agent.status");
		}
	}

	private ConfigurableApplicationContext start(String... extraProperties) {
		List<String> properties = new ArrayList<>(
				List.of("spring.datasource.url=" + this.database, "pusher.app-id=" + pusher.getAppId(),
						"pusher.key=" + pusher.getKey(), "pusher.secret=" + pusher.getSecret(), "pusher.scheme=http",
						"pusher.host=localhost", "pusher.port=" + pusher.getPort(), "pusher.retry.max-retries=0"));
		properties.addAll(List.of(extraProperties));
		return new SpringApplicationBuilder(ClassroomApplication.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

}
