package io.pusherspring.integration.event;

import java.util.Map;

import io.pusherspring.core.PusherApiException;
import io.pusherspring.event.DurablePusherBroadcastListener;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.FakePusherServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PusherBroadcast} events through Spring Modulith's JDBC event publication
 * registry, against {@link FakePusherServer}: a broadcast that Pusher refuses stays an
 * incomplete publication, and a resubmission once Pusher is back delivers it exactly
 * once.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "pusher.retry.max-retries=1", "pusher.retry.delay=1ms" })
class DurablePusherBroadcastTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private AgentService agents;

	@Autowired
	private EventPublicationRegistry registry;

	@Autowired
	private IncompleteEventPublications incompletePublications;

	@Autowired
	private PublishFailures failures;

	@BeforeEach
	void noPublicationsLeftFromOtherTests() {
		this.incompletePublications.resubmitIncompletePublications((publication) -> true);
		pusher.reset();
		this.failures.clear();
	}

	@Test
	void broadcastsGoThroughTheRegistry(@Autowired DurablePusherBroadcastListener listener) {
		assertThat(listener).isNotNull();
	}

	@Test
	void deliveredBroadcastCompletesItsPublication() {
		this.agents.changeStatus("tutor-1", "thinking");
		assertThat(pusher.recorder()).hasTriggeredTimes(1, "private-agent-tutor-1", "agent.status")
			.hasTriggered("private-agent-tutor-1", "agent.status")
			.withData(Map.of("status", "thinking"));
		assertThat(this.registry.findIncompletePublications()).isEmpty();
	}

	// tag::resubmit[]
	@Test
	void failedBroadcastStaysIncompleteAndResubmissionDeliversItOnce() {
		pusher.failNext(2, 503);
		this.agents.changeStatus("tutor-2", "thinking");
		assertThat(pusher.requests()).extracting((request) -> request.status()).containsExactly(503, 503);
		assertThat(pusher.recorder()).hasNoEvents();
		assertThat(this.registry.findIncompletePublications()).singleElement()
			.extracting(TargetEventPublication::getEvent)
			.isEqualTo(new AgentStatusChanged("tutor-2", "thinking"));
		assertThat(this.failures.events()).singleElement().satisfies((failure) -> {
			assertThat(failure.getException()).isInstanceOf(PusherApiException.class);
			assertThat(failure.getBroadcast()).isEqualTo(new AgentStatusChanged("tutor-2", "thinking"));
		});

		this.incompletePublications.resubmitIncompletePublications((publication) -> true);
		assertThat(pusher.recorder()).hasTriggeredTimes(1, "private-agent-tutor-2", "agent.status");
		assertThat(this.registry.findIncompletePublications()).isEmpty();

		this.incompletePublications.resubmitIncompletePublications((publication) -> true);
		assertThat(pusher.recorder()).hasTriggeredTimes(1, "private-agent-tutor-2", "agent.status");
	}
	// end::resubmit[]

	@Test
	void failedBroadcastIsLoggedOnceInOneLineAndStaysIncomplete(CapturedOutput output) {
		pusher.failNext(2, 503);
		this.agents.changeStatus("tutor-4", "thinking");
		assertThat(this.registry.findIncompletePublications()).singleElement()
			.extracting(TargetEventPublication::getEvent)
			.isEqualTo(new AgentStatusChanged("tutor-4", "thinking"));
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("Failed to publish 'agent.status' to private-agent-tutor-4")
			.contains("HTTP 503");
		assertThat(output).doesNotContain("asynchronous listener")
			.doesNotContain("\tat ")
			.doesNotContain(FakePusherServer.DEFAULT_SECRET);
	}

	@Test
	void rolledBackBroadcastIsNeitherStoredNorDelivered() {
		try {
			this.agents.changeStatus("tutor-3", "crashed");
		}
		catch (IllegalStateException expected) {
		}
		assertThat(this.registry.findIncompletePublications()).isEmpty();
		this.incompletePublications.resubmitIncompletePublications((publication) -> true);
		assertThat(pusher.recorder()).hasNoEvents();
	}

}
