package io.pusherspring.integration.instances.broadcast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.stream.IntStream;

import io.pusherspring.integration.instances.Instance;
import io.pusherspring.integration.servers.PostgresServer;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PusherBroadcast} events through Spring Modulith's JDBC event publication
 * registry on PostgreSQL, shared by the instances of one application: an instance (a
 * process of its own) commits grades and is killed before it publishes them. The
 * broadcasts are then delivered by the dead instance's restart, or by another instance
 * that resubmits incomplete publications, and none is lost. Two instances that resubmit
 * at once may both deliver a broadcast: the duplicates are counted.
 */
class DurableBroadcastAcrossInstancesTests {

	@RegisterExtension
	static PostgresServer postgres = new PostgresServer();

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@Test
	void aDeadInstancesBroadcastsAreDeliveredByItsRestartOrByAnotherInstance() throws Exception {
		Map<String, Object> properties = properties(postgres.createDatabase("restarted"));
		List<String> students = List.of("ada", "grace", "alan");
		try (Instance b = Instance.start("b", properties, GradebookApplication.class)) {
			DyingInstance.recordAndDie(arguments(properties), "algebra", 90, students);
			assertThat(b.bean(Gradebook.class).count()).as("grades committed by the dead instance").isEqualTo(3);
			assertThat(pusher.recorder()).hasNoEvents();
			assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).hasSize(3);

			Map<String, Object> restart = new LinkedHashMap<>(properties);
			restart.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
			try (Instance restarted = Instance.start("a-restarted", restart, GradebookApplication.class)) {
				assertDeliveredOnceEach(students);
				assertThat(restarted.bean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
			}
			b.bean(IncompleteEventPublications.class).resubmitIncompletePublications((publication) -> true);
			assertDeliveredOnceEach(students);
		}
	}

	@Test
	void twoInstancesResubmittingADeadInstancesBroadcastsAtOnceLoseNone() throws Exception {
		Map<String, Object> properties = properties(postgres.createDatabase("resubmitted_at_once"));
		List<String> students = IntStream.rangeClosed(1, 20).mapToObj((n) -> "student-" + n).toList();
		try (Instance b = Instance.start("b", properties, GradebookApplication.class);
				Instance c = Instance.start("c", properties, GradebookApplication.class)) {
			DyingInstance.recordAndDie(arguments(properties), "physics", 75, students);
			assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).hasSize(students.size());
			assertThat(pusher.recorder()).hasNoEvents();

			// each trigger takes a while, so that the two resubmissions overlap
			pusher.delay(Duration.ofMillis(50));
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Void>> resubmissions = Stream.of(b, c)
				.map((instance) -> CompletableFuture.runAsync(() -> {
					await(go);
					instance.bean(IncompleteEventPublications.class)
						.resubmitIncompletePublications((publication) -> true);
				}))
				.toList();
			go.countDown();
			resubmissions.forEach(CompletableFuture::join);

			List<String> delivered = new ArrayList<>();
			pusher.recorder().events().forEach((event) -> delivered.addAll(event.channels()));
			List<String> expected = students.stream().map(GradeRecorded::channel).toList();
			assertThat(delivered).as("lost none").containsAll(expected).allMatch(expected::contains);
			assertThat(expected).as("each resubmission delivered each broadcast once at most")
				.allSatisfy((channel) -> assertThat(Collections.frequency(delivered, channel)).isLessThanOrEqualTo(2));
			int duplicates = delivered.size() - expected.size();
			System.out.printf("Two instances resubmitting at once: %d broadcasts, %d delivered, %d duplicates%n",
					expected.size(), delivered.size(), duplicates);
			assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
		}
	}

	private static void assertDeliveredOnceEach(List<String> students) {
		for (String student : students) {
			assertThat(pusher.recorder()).hasTriggeredTimes(1, GradeRecorded.channel(student), GradeRecorded.EVENT);
		}
		assertThat(pusher.recorder().events()).hasSize(students.size());
	}

	private static Map<String, Object> properties(String jdbcUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", postgres.getUsername());
		properties.put("spring.datasource.password", postgres.getPassword());
		properties.put("pusher.app-id", pusher.getAppId());
		properties.put("pusher.key", pusher.getKey());
		properties.put("pusher.secret", pusher.getSecret());
		properties.put("pusher.scheme", "http");
		properties.put("pusher.host", "127.0.0.1");
		properties.put("pusher.port", pusher.getPort());
		properties.put("pusher.retry.max-retries", "0");
		return properties;
	}

	private static List<String> arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
