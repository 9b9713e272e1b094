package io.pusherspring.integration.event;

import java.util.Map;

import io.pusherspring.event.DurablePusherBroadcastListener;
import io.pusherspring.event.PusherBroadcastListener;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code PusherBroadcast} events in real transactions without an event publication
 * registry: broadcast after commit, never after a rollback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.autoconfigure.exclude=org.springframework.modulith.events.config.EventPublicationAutoConfiguration")
@RecordPusherEvents
class PusherBroadcastWithoutRegistryTests {

	@Autowired
	private PusherRecorder pusher;

	@Autowired
	private AgentService agents;

	@Test
	void broadcastsWithoutTheRegistry(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(PusherBroadcastListener.class)).hasSize(1);
		assertThat(context.getBeansOfType(DurablePusherBroadcastListener.class)).isEmpty();
	}

	@Test
	void broadcastWaitsForTheCommit(@Autowired PlatformTransactionManager transactionManager) {
		new TransactionTemplate(transactionManager).executeWithoutResult((transaction) -> {
			this.agents.changeStatus("tutor-1", "thinking");
			assertThat(this.pusher).hasNoEvents();
		});
		assertThat(this.pusher).hasTriggeredTimes(1, "private-agent-tutor-1", "agent.status")
			.hasTriggered("private-agent-tutor-1", "agent.status")
			.withData(Map.of("status", "thinking"));
	}

	@Test
	void rollbackPublishesNoBroadcast() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.agents.changeStatus("tutor-1", "crashed"));
		assertThat(this.pusher).hasNoEvents();
	}

}
