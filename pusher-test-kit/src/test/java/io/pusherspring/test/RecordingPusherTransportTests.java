package io.pusherspring.test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.test.simulator.RecordingPusherTransport;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecordingPusherTransport} under a real {@link PusherTemplate}, and for
 * {@link PusherRecorder#capture}.
 */
class RecordingPusherTransportTests {

	private final PusherRecorder pusher = new PusherRecorder();

	private final RecordingPusherTransport transport = new RecordingPusherTransport(this.pusher::record,
			this.pusher::clear);

	private final PusherTemplate template = new PusherTemplate(this.transport);

	@Test
	void recordsEveryTriggerFromManyThreads() throws Exception {
		int threads = 8;
		int triggersPerThread = 250;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int id = thread;
				calls.add(executor.submit(() -> IntStream.range(0, triggersPerThread)
					.forEach((i) -> this.template.trigger("private-counter", "tick", Map.of("thread", id, "i", i)))));
			}
			for (Future<?> call : calls) {
				call.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.pusher).hasTriggeredTimes(threads * triggersPerThread, "private-counter", "tick")
			.hasTriggered("private-counter", "tick")
			.withData("{\"thread\":7,\"i\":249}");
	}

	@Test
	void recordsEachChunkOfALongChannelListAsOneEvent() {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "private-user-" + i).toList();
		this.template.trigger(channels, "announcement", "{}");
		assertThat(this.pusher.events()).hasSize(3)
			.allSatisfy((event) -> assertThat(event.event()).isEqualTo("announcement"));
		assertThat(this.pusher.events().get(2).channels()).hasSize(50).endsWith("private-user-249");
	}

	@Test
	void recordsEveryEventOfABatch() {
		List<PusherMessage> messages = IntStream.range(0, 25)
			.mapToObj((i) -> PusherMessage.builder().channel("private-user-" + i).event("graded").data(i).build())
			.toList();
		this.template.triggerBatch(messages);
		assertThat(this.pusher.events()).hasSize(25);
		assertThat(this.pusher).hasTriggered("private-user-24", "graded").withData("24");
	}

	@Test
	void recordsTheExcludedSocket() {
		this.template.trigger(PusherMessage.builder()
			.channel("presence-class-7")
			.event("session.started")
			.data(Map.of("classId", "7"))
			.excludeSocketId("1234.5678")
			.build());
		assertThat(this.pusher).hasTriggered("presence-class-7", "session.started").excludingSocket("1234.5678");
	}

	@Test
	void recordsEventsSentToAUser() {
		this.template.sendToUser("42", "message.new", Map.of("unread", 3));
		assertThat(this.pusher).hasSentToUser("42", "message.new").withData(Map.of("unread", 3));
	}

	@Test
	void recordsAsynchronousTriggers() {
		this.template.triggerAsync(PusherMessage.builder().channel("private-user-42").event("ready").data("{}").build())
			.join();
		assertThat(this.pusher).hasTriggered("private-user-42", "ready");
	}

	@Test
	void validatesBeforeRecording() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.trigger("private-user-42", "pusher:internal", "{}"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void answersAsPusherDoesWhenTheTemplateAllowsMoreThanTheSimulatedPlan() {
		PusherTemplate generous = PusherTemplate.builder(this.transport)
			.maxPayloadSize(DataSize.ofKilobytes(20))
			.build();
		this.transport.maxPayloadBytes(DataSize.ofKilobytes(10).toBytes());
		String large = "\"" + "x".repeat(15 * 1024) + "\"";
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> generous.trigger("private-user-42", "large", large))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(413));
		this.transport.maxPayloadBytes(DataSize.ofKilobytes(20).toBytes());
		generous.trigger("private-user-42", "large", large);
		assertThat(this.pusher).hasTriggeredTimes(1, "private-user-42", "large");
	}

	@Test
	void captureReturnsOnlyTheEventsOfTheBlock() {
		this.template.trigger("private-user-1", "before", "{}");
		List<RecordedEvent> captured = this.pusher.capture(() -> {
			this.template.trigger("private-user-2", "inside", Map.of("n", 1));
			this.template.sendToUser("2", "inside", Map.of("n", 2));
		});
		this.template.trigger("private-user-3", "after", "{}");
		assertThat(captured).hasSize(2)
			.hasNotTriggered("private-user-1", "before")
			.hasNotTriggered("private-user-3", "after")
			.hasTriggeredInOrder(PusherAssertions.on("private-user-2", "inside"),
					PusherAssertions.on("#server-to-user-2", "inside"));
		assertThat(this.pusher.events()).hasSize(4);
	}

	@Test
	void captureRethrowsTheBlocksOwnCheckedException() {
		IOException failure = new IOException("disk full");
		assertThatException().isThrownBy(() -> this.pusher.capture(() -> {
			this.template.trigger("private-user-1", "inside", "{}");
			throw failure;
		})).isSameAs(failure);
	}

	@Test
	void recordIsNotPartOfTheKitsPublicApi() throws Exception {
		Method record = PusherRecorder.class.getDeclaredMethod("record", RecordedEvent.class);
		assertThat(Modifier.isPublic(record.getModifiers())).isFalse();
	}

	@Test
	void resetForgetsRecordedEvents() {
		this.template.trigger("private-user-1", "before", "{}");
		this.transport.reset();
		assertThat(this.pusher).hasNoEvents();
	}

}
