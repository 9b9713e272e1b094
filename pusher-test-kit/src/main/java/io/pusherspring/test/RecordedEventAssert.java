package io.pusherspring.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import io.pusherspring.test.assertion.FailureMessages;
import io.pusherspring.test.assertion.Expectation;
import io.pusherspring.test.assertion.Expectation.Criterion;
import io.pusherspring.test.assertion.JsonComparison;

import org.springframework.util.Assert;

/**
 * Assertions on a triggered event, narrowing which of the matching recorded events is
 * meant: each call requires that at least one recorded event meets it and every earlier
 * requirement. The actual value is the first such event.
 *
 * @see PusherRecorderAssert#hasTriggered(String, String)
 */
public class RecordedEventAssert extends AbstractAssert<RecordedEventAssert, RecordedEvent> {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Expectation expectation;

	RecordedEventAssert(Expectation expectation, @Nullable RecordedEvent match) {
		super(match, RecordedEventAssert.class);
		this.expectation = expectation;
	}

	/**
	 * Require data equivalent to a value as JSON: key order and number formatting do not
	 * matter.
	 * @param expected JSON text as a {@code String}, or an object to write as JSON, such
	 * as a {@code Map} or a record
	 * @return an assertion on the first event that also has this data
	 */
	public RecordedEventAssert withData(Object expected) {
		Assert.notNull(expected, "'expected' must not be null");
		String json = JsonComparison.toJson(expected, this.expectation.jsonMapper());
		return narrow(new Criterion("with data " + FailureMessages.abbreviate(json),
				(event) -> JsonComparison.equivalent(event.data(), json) ? null
						: "data was " + FailureMessages.abbreviate(event.data())));
	}

	/**
	 * Require data, read as a JSON object, that satisfies some assertions.
	 * @param requirements assertions on the data
	 * @return an assertion on the first event whose data satisfies them
	 */
	public RecordedEventAssert withDataSatisfying(Consumer<Map<String, Object>> requirements) {
		Assert.notNull(requirements, "'requirements' must not be null");
		return narrow(new Criterion("with data satisfying the given requirements", (event) -> satisfies(event,
				() -> this.expectation.jsonMapper().readValue(event.data(), MAP), requirements)));
	}

	/**
	 * Require data, read as JSON into a type, that satisfies some assertions.
	 * @param <T> the type
	 * @param type the class to read the data into
	 * @param requirements assertions on the data
	 * @return an assertion on the first event whose data satisfies them
	 */
	public <T> RecordedEventAssert withDataSatisfying(Class<T> type, Consumer<? super T> requirements) {
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(requirements, "'requirements' must not be null");
		return narrow(new Criterion("with data as " + type.getSimpleName() + " satisfying the given requirements",
				(event) -> satisfies(event, () -> this.expectation.jsonMapper().readValue(event.data(), type),
						requirements)));
	}

	/**
	 * Require that the event left out a socket, as {@code toOthers} publishing does.
	 * @param socketId the socket id
	 * @return an assertion on the first event that also left out that socket
	 */
	public RecordedEventAssert excludingSocket(String socketId) {
		Assert.hasText(socketId, "'socketId' must not be empty");
		return narrow(new Criterion("excluding socket " + socketId, (event) -> socketId.equals(event.excludedSocketId())
				? null
				: "excluded socket was " + ((event.excludedSocketId() != null) ? event.excludedSocketId() : "none")));
	}

	/**
	 * Require that exactly some number of recorded events meet every requirement so far.
	 * @param times the number of events, at least 1
	 * @return this assertion
	 */
	public RecordedEventAssert times(int times) {
		Assert.isTrue(times > 0, "'times' must be positive; use hasNotTriggered for none");
		String failure = this.expectation.awaitTimes(times);
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		return this;
	}

	private RecordedEventAssert narrow(Criterion criterion) {
		Expectation narrowed = this.expectation.and(criterion);
		AtomicReference<@Nullable RecordedEvent> found = new AtomicReference<>();
		String failure = narrowed.awaitMatch(found);
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		RecordedEventAssert result = new RecordedEventAssert(narrowed, found.get());
		result.info.description(this.info.description());
		return result;
	}

	private static <T> @Nullable String satisfies(RecordedEvent event, DataReader<T> reader,
			Consumer<? super T> requirements) {
		T data;
		try {
			data = reader.read();
		}
		catch (JacksonException ex) {
			return "data could not be read: " + FailureMessages.abbreviate(event.data());
		}
		try {
			requirements.accept(data);
			return null;
		}
		catch (AssertionError ex) {
			return "data " + FailureMessages.abbreviate(event.data()) + " failed: " + firstLines(ex.getMessage());
		}
	}

	private static String firstLines(@Nullable String message) {
		if (message == null) {
			return "(no message)";
		}
		List<String> lines = message.strip().lines().limit(6).toList();
		return String.join("\n      ", lines);
	}

	@FunctionalInterface
	private interface DataReader<T> {

		T read();

	}

}
