package io.pusherspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.pusherspring.test.wiremock.InjectedFault;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Faults that {@link FakePusherServer} injects at random, each with its own probability,
 * drawn from a seeded random sequence so that a test that fails can be run again with the
 * same faults:
 *
 * <pre class="code">
 * pusher.injectRandomFaults(RandomFaults.seeded(42)
 *     .status(0.05, 503)
 *     .status(0.02, 429, "1")
 *     .dropConnection(0.03)
 *     .closeAfterAccepting(0.03)
 *     .slowAnswer(0.03, Duration.ofMillis(500)));
 * </pre>
 *
 * Each request draws once: the first fault whose cumulative probability exceeds the draw
 * is injected, or none. Faults planned with {@code failNext} and the like come first.
 * With requests from several threads the sequence of draws is fixed, not which request
 * gets which.
 */
public final class RandomFaults {

	private final Random random;

	private final List<Candidate> candidates = new ArrayList<>();

	private double total;

	private RandomFaults(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * Start describing faults drawn from a seeded sequence.
	 * @param seed the seed
	 * @return faults with nothing to inject yet
	 */
	public static RandomFaults seeded(long seed) {
		return new RandomFaults(seed);
	}

	/**
	 * Answer with an error status, before any other check; nothing is recorded.
	 * @param probability the share of requests, from 0 to 1
	 * @param status the status, such as 500 or 503
	 * @return these faults
	 */
	public RandomFaults status(double probability, int status) {
		Assert.isTrue(status >= 100 && status <= 599, "'status' must be an HTTP status code");
		return add(probability, InjectedFault.errorStatus(status, null));
	}

	/**
	 * Answer with an error status and a {@code Retry-After} header.
	 * @param probability the share of requests, from 0 to 1
	 * @param status the status, such as 429
	 * @param retryAfter the header's value: seconds, or an HTTP date
	 * @return these faults
	 */
	public RandomFaults status(double probability, int status, String retryAfter) {
		Assert.isTrue(status >= 100 && status <= 599, "'status' must be an HTTP status code");
		Assert.hasText(retryAfter, "'retryAfter' must not be empty");
		return add(probability, InjectedFault.errorStatus(status, retryAfter));
	}

	/**
	 * Reset the connection without answering; nothing is recorded.
	 * @param probability the share of requests, from 0 to 1
	 * @return these faults
	 */
	public RandomFaults dropConnection(double probability) {
		return add(probability, InjectedFault.droppedConnection());
	}

	/**
	 * Handle the request as Pusher would, recording what it accepts, then close the
	 * connection without answering.
	 * @param probability the share of requests, from 0 to 1
	 * @return these faults
	 */
	public RandomFaults closeAfterAccepting(double probability) {
		return add(probability, InjectedFault.closedAfterAccepting());
	}

	/**
	 * Handle the request as Pusher would, recording what it accepts, and answer late.
	 * @param probability the share of requests, from 0 to 1
	 * @param delay how late, for example longer than the client's read timeout
	 * @return these faults
	 */
	public RandomFaults slowAnswer(double probability, Duration delay) {
		Assert.isTrue(delay != null && !delay.isNegative(), "'delay' must not be negative");
		return add(probability, InjectedFault.slowAnswer(delay));
	}

	/**
	 * Draw the fault of the next request.
	 * @return the fault, or {@code null} for none
	 */
	synchronized @Nullable InjectedFault next() {
		double draw = this.random.nextDouble();
		double cumulative = 0;
		for (Candidate candidate : this.candidates) {
			cumulative += candidate.probability();
			if (draw < cumulative) {
				return candidate.fault();
			}
		}
		return null;
	}

	private synchronized RandomFaults add(double probability, InjectedFault fault) {
		Assert.isTrue(probability >= 0 && probability <= 1, "'probability' must be between 0 and 1");
		Assert.isTrue(this.total + probability <= 1 + 1e-9, "The probabilities must not add up to more than 1");
		this.total += probability;
		this.candidates.add(new Candidate(probability, fault));
		return this;
	}

	@Override
	public synchronized String toString() {
		return "RandomFaults" + this.candidates;
	}

	private record Candidate(double probability, InjectedFault fault) {

	}

}
