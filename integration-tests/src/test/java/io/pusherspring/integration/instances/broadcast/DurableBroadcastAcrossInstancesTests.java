package io.pusherspring.integration.instances.broadcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.instances.Instance;
import io.pusherspring.integration.servers.PostgresServer;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PusherBroadcast} events through Spring Modulith's JDBC event publication
 * registry on PostgreSQL, shared by the instances of one application: an instance (a
 * process of its own) commits grades and is killed before it publishes them. The
 * broadcasts are then delivered by another instance that resubmits incomplete
 * publications, or by the dead instance's restart, and none is lost. Two instances that
 * resubmit the same publications at once may both deliver a broadcast: the duplicates are
 * counted.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class DurableBroadcastAcrossInstancesTests {

	@RegisterExtension
	static PostgresServer postgres = new PostgresServer();

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	private static Map<String, Object> properties;

	private static Instance b;

	private static Instance c;

	@BeforeAll
	static void startTwoInstances() {
		properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.datasource.url", postgres.createDatabase("gradebook"));
		properties.put("spring.datasource.username", postgres.getUsername());
		properties.put("spring.datasource.password", postgres.getPassword());
		properties.put("pusher.app-id", pusher.getAppId());
		properties.put("pusher.key", pusher.getKey());
		properties.put("pusher.secret", pusher.getSecret());
		properties.put("pusher.scheme", "http");
		properties.put("pusher.host", "127.0.0.1");
		properties.put("pusher.port", pusher.getPort());
		properties.put("pusher.retry.max-retries", "0");
		b = Instance.start("b", properties, GradebookApplication.class);
		c = Instance.start("c", properties, GradebookApplication.class);
	}

	@AfterAll
	static void stopThem() {
		if (c != null) {
			c.close();
		}
		if (b != null) {
			b.close();
		}
	}

	@Test
	void aDeadInstancesBroadcastsAreDeliveredByAnotherInstanceOrByItsRestart() throws Exception {
		List<String> resubmitted = List.of("ada", "grace", "alan");
		List<String> republished = List.of("edsger", "barbara", "donald");
		List<String> all = Stream.concat(resubmitted.stream(), republished.stream()).toList();
		List<String> arguments = properties.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toList();
		DyingInstance.recordAndDie(arguments, "algebra", 90, all);
		assertThat(b.bean(Gradebook.class).count("algebra")).as("grades committed by the dead instance").isEqualTo(6);
		assertThat(pusher.recorder()).hasNoEvents();
		assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).hasSize(6);

		b.bean(IncompleteEventPublications.class)
			.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof GradeRecorded grade
					&& resubmitted.contains(grade.studentId()));
		assertDeliveredOnceEach(resubmitted);
		assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).hasSize(3);

		Map<String, Object> restart = new LinkedHashMap<>(properties);
		restart.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
		try (Instance restarted = Instance.start("a-restarted", restart, GradebookApplication.class)) {
			assertDeliveredOnceEach(all);
			assertThat(restarted.bean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
		}
		c.bean(IncompleteEventPublications.class).resubmitIncompletePublications((publication) -> true);
		assertDeliveredOnceEach(all);
	}

	@Test
	void twoInstancesResubmittingTheSameBroadcastsAtOnceLoseNone() throws Exception {
		List<String> students = IntStream.rangeClosed(1, 20).mapToObj((n) -> "student-" + n).toList();
		pusher.failNext(students.size(), 503);
		b.bean(Gradebook.class).record("physics", 75, students);
		assertThat(pusher.recorder()).hasNoEvents();
		assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).hasSize(students.size());

		// each trigger takes a while, so that the two resubmissions overlap
		pusher.delay(Duration.ofMillis(50));
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> resubmissions = Stream.of(b, c)
			.map((instance) -> CompletableFuture.runAsync(() -> {
				await(go);
				instance.bean(IncompleteEventPublications.class).resubmitIncompletePublications((publication) -> true);
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
		System.out.printf("Two instances resubmitting at once: %d broadcasts, %d delivered, %d duplicates%n",
				expected.size(), delivered.size(), delivered.size() - expected.size());
		assertThat(b.bean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
	}

	private static void assertDeliveredOnceEach(List<String> students) {
		for (String student : students) {
			assertThat(pusher.recorder()).hasTriggeredTimes(1, GradeRecorded.channel(student), GradeRecorded.EVENT);
		}
		assertThat(pusher.recorder().events()).hasSize(students.size());
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
