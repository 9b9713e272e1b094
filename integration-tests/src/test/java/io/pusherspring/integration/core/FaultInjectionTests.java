package io.pusherspring.integration.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.RandomFaults;
import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fault campaign against the auto-configured template, over real HTTP: triggers
 * from 8 threads, half blocking and half asynchronous, while {@link FakePusherServer}
 * fails about a fifth of the attempts at random with 500, 502, 503, 429 (with a
 * {@code Retry-After} within and beyond {@code pusher.retry.max-delay}), connection
 * resets, closes after accepting the event, and answers slower than the read timeout.
 * <p>
 * Every call must end, every failure must be a {@link PusherException}, no event may be
 * lost silently, {@link PusherException#isPossiblyDelivered()} must be true for every
 * failed event that was delivered, every attempt the server accepted must reach its
 * caller as a success or as a failure flagged possibly delivered, every duplicate must be
 * explained by an attempt that failed after it was sent, and no secret or signature may
 * reach the log. A slow answer is not always a timeout: a client thread that gets no CPU
 * until the answer is there reads it, and the attempt succeeds. The figures are printed;
 * run it with {@code -Dpusher.faults.triggers=10000} for the README's.
 */
@SpringBootTest(classes = FaultInjectionTests.Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "pusher.http.read-timeout=250ms", "pusher.retry.max-retries=2", "pusher.retry.delay=10ms",
				"pusher.retry.multiplier=2", "pusher.retry.max-delay=1s", "logging.level.io.pusherspring=debug" })
@ExtendWith(QuietOutputCaptureExtension.class)
class FaultInjectionTests {

	private static final long SEED = 20260101L;

	private static final int THREADS = 8;

	/**
	 * The id in the event data, also where the data is a string inside a request body.
	 */
	private static final Pattern ID = Pattern.compile("\\\\?\"id\\\\?\":(\\d+)");

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private PusherOperations template;

	@Autowired
	private WatchingTransport transport;

	@Test
	void noEventIsLostSilentlyAndEveryPossibleDeliveryIsFlagged(CapturedOutput output) throws Exception {
		int triggers = Integer.getInteger("pusher.faults.triggers", 2000);
		pusher.injectRandomFaults(RandomFaults.seeded(SEED)
			.status(0.03, 500)
			.status(0.02, 502)
			.status(0.03, 503)
			.status(0.02, 429, "0")
			.status(0.005, 429, "120")
			.dropConnection(0.025)
			.closeAfterAccepting(0.03)
			.slowAnswer(0.03, Duration.ofMillis(600)));
		Map<Integer, Outcome> outcomes = publishAll(triggers);
		Figures figures = Figures.of(triggers, outcomes, pusher.recorder().events(), pusher.requests(),
				this.transport.sentButUnanswered, this.transport.succeeded);
		System.out.println(figures);

		assertThat(outcomes).hasSize(triggers);
		assertThat(outcomes.values().stream().map(Outcome::failure).filter(Objects::nonNull))
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(PusherException.class));
		assertThat(figures.lostSilently()).isZero();
		assertThat(figures.deliveredButNotFlagged()).isZero();
		assertThat(figures.unexplainedDuplicates()).isZero();
		assertThat(figures.unflaggedServerSideLosses()).isZero();
		assertThat(figures.surfaced()).isPositive();
		assertThat(figures.duplicated()).isPositive();
		assertThat(figures.possiblyDelivered()).isPositive();
		String log = output.getAll();
		assertNothingSecretIn(log);
		System.out.println("  log lines without a secret or signature: " + log.lines().count());
	}

	private Map<Integer, Outcome> publishAll(int triggers) throws Exception {
		Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> callers = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				int first = thread;
				callers.add(threads.submit(() -> {
					for (int id = first; id < triggers; id += THREADS) {
						outcomes.put(id, publishOne(id));
					}
					return null;
				}));
			}
			for (Future<?> caller : callers) {
				caller.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			threads.shutdownNow();
		}
		return outcomes;
	}

	private Outcome publishOne(int id) throws Exception {
		String data = "{\"id\":" + id + "}";
		try {
			if (id % 2 == 0) {
				this.template.trigger("faults", "tick", data);
			}
			else {
				this.template.triggerAsync(PusherMessage.of("faults", "tick", data)).get(30, TimeUnit.SECONDS);
			}
			return new Outcome(null);
		}
		catch (ExecutionException ex) {
			return new Outcome(ex.getCause());
		}
		catch (RuntimeException ex) {
			return new Outcome(ex);
		}
	}

	private static void assertNothingSecretIn(String log) {
		assertThat(log).doesNotContain(pusher.getSecret());
		for (ReceivedRequest request : pusher.requests()) {
			assertThat(log).doesNotContain(request.query().get("auth_signature"));
		}
	}

	private static int id(RecordedEvent event) {
		Matcher matcher = ID.matcher(event.data());
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	/**
	 * How one trigger ended for its caller.
	 */
	private record Outcome(Throwable failure) {

		boolean flagged() {
			return this.failure instanceof PusherException ex && ex.isPossiblyDelivered();
		}

	}

	/**
	 * What the campaign measured.
	 */
	private record Figures(int triggers, int attempts, int faultyAttempts, int acceptedUnanswered,
			int slowAnswersReadInTime, int flaggedAttempts, int delivered, int duplicated, int extraDeliveries,
			int surfaced, int possiblyDelivered, int surfacedButDelivered, int deliveredButNotFlagged, int lostSilently,
			int unexplainedDuplicates, int unflaggedServerSideLosses) {

		static Figures of(int triggers, Map<Integer, Outcome> outcomes, List<RecordedEvent> events,
				List<ReceivedRequest> requests, Map<Integer, Integer> flaggedByClient,
				Map<Integer, Integer> succeededForClient) {
			Map<Integer, Integer> deliveries = new HashMap<>();
			events.forEach((event) -> deliveries.merge(id(event), 1, Integer::sum));
			Map<Integer, Integer> unanswered = new HashMap<>();
			Map<Integer, Integer> accepted = new HashMap<>();
			for (ReceivedRequest request : requests) {
				Matcher matcher = ID.matcher(request.body());
				boolean acceptedInTime = request.fault() == null && request.status() / 100 == 2;
				if (matcher.find() && (acceptedInTime || request.isHandledWithoutTimelyAnswer())) {
					int id = Integer.parseInt(matcher.group(1));
					accepted.merge(id, 1, Integer::sum);
					if (!acceptedInTime) {
						unanswered.merge(id, 1, Integer::sum);
					}
				}
			}
			int duplicated = 0;
			int extra = 0;
			int surfaced = 0;
			int flagged = 0;
			int surfacedButDelivered = 0;
			int notFlagged = 0;
			int lost = 0;
			int unexplained = 0;
			int unflagged = 0;
			int readAnyway = 0;
			for (int id = 0; id < triggers; id++) {
				int count = deliveries.getOrDefault(id, 0);
				Outcome outcome = outcomes.get(id);
				if (count > 1) {
					duplicated++;
					extra += count - 1;
				}
				int flaggedAttempts = flaggedByClient.getOrDefault(id, 0);
				if (count - 1 > flaggedAttempts) {
					unexplained++;
				}
				// an accepted attempt the caller heard of neither as a success nor as
				// possibly delivered
				if (accepted.getOrDefault(id, 0) > succeededForClient.getOrDefault(id, 0) + flaggedAttempts) {
					unflagged++;
				}
				readAnyway += Math.max(0, unanswered.getOrDefault(id, 0) - flaggedAttempts);
				if (outcome.failure() == null) {
					lost += (count == 0) ? 1 : 0;
					continue;
				}
				surfaced++;
				flagged += outcome.flagged() ? 1 : 0;
				if (count > 0) {
					surfacedButDelivered++;
					notFlagged += outcome.flagged() ? 0 : 1;
				}
			}
			int faulty = (int) requests.stream().filter((request) -> request.fault() != null).count();
			int acceptedUnanswered = unanswered.values().stream().mapToInt(Integer::intValue).sum();
			int flaggedAttempts = flaggedByClient.values().stream().mapToInt(Integer::intValue).sum();
			return new Figures(triggers, requests.size(), faulty, acceptedUnanswered, readAnyway, flaggedAttempts,
					deliveries.size(), duplicated, extra, surfaced, flagged, surfacedButDelivered, notFlagged, lost,
					unexplained, unflagged);
		}

		@Override
		public String toString() {
			return String.format("""
					Fault campaign, seed %d: %d triggers from %d threads, half blocking, half async
					  attempts                     %6d (%d with an injected fault, %.1f%%)
					  accepted but not answered    %6d (closed after accepting, or slower than the read timeout)
					    read by the client anyway  %6d (at least: slow answers there before the client looked)
					  failed after sending         %6d (as the client saw them: possibly delivered)
					  delivered                    %6d (%.2f%%)
					  duplicated                   %6d (%.2f%%), %d extra deliveries
					  surfaced to the caller       %6d (%.2f%%)
					    flagged possibly delivered %6d
					    and in fact delivered      %6d, of which not flagged: %d
					  lost silently                %6d
					  duplicates not explained     %6d""", SEED, this.triggers, THREADS, this.attempts,
					this.faultyAttempts, 100.0 * this.faultyAttempts / this.attempts, this.acceptedUnanswered,
					this.slowAnswersReadInTime, this.flaggedAttempts, this.delivered,
					100.0 * this.delivered / this.triggers, this.duplicated, 100.0 * this.duplicated / this.triggers,
					this.extraDeliveries, this.surfaced, 100.0 * this.surfaced / this.triggers, this.possiblyDelivered,
					this.surfacedButDelivered, this.deliveredButNotFlagged, this.lostSilently,
					this.unexplainedDuplicates);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		static BeanPostProcessor watchingTransport() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof HttpPusherTransport transport) ? new WatchingTransport(transport) : bean;
				}

			};
		}

	}

	/**
	 * The auto-configured transport, counting for each event the attempts that failed
	 * after their request was sent and the attempts that succeeded, as the client sees
	 * them.
	 */
	static final class WatchingTransport implements PusherTransport, AutoCloseable {

		private final HttpPusherTransport delegate;

		final Map<Integer, Integer> sentButUnanswered = new ConcurrentHashMap<>();

		final Map<Integer, Integer> succeeded = new ConcurrentHashMap<>();

		WatchingTransport(HttpPusherTransport delegate) {
			this.delegate = delegate;
		}

		@Override
		public PusherResponse exchange(PusherRequest request) {
			try {
				return succeeded(request, this.delegate.exchange(request));
			}
			catch (PusherException ex) {
				watch(request, ex);
				throw ex;
			}
		}

		@Override
		public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
			return this.delegate.exchangeAsync(request).whenComplete((response, failure) -> {
				if (failure != null) {
					watch(request, (failure.getCause() != null) ? failure.getCause() : failure);
				}
				else {
					succeeded(request, response);
				}
			});
		}

		private PusherResponse succeeded(PusherRequest request, PusherResponse response) {
			Matcher matcher = ID.matcher(String.valueOf(request.body()));
			if (response.isSuccessful() && matcher.find()) {
				this.succeeded.merge(Integer.parseInt(matcher.group(1)), 1, Integer::sum);
			}
			return response;
		}

		private void watch(PusherRequest request, Throwable failure) {
			Matcher matcher = ID.matcher(String.valueOf(request.body()));
			if (failure instanceof PusherException ex && ex.isPossiblyDelivered() && matcher.find()) {
				this.sentButUnanswered.merge(Integer.parseInt(matcher.group(1)), 1, Integer::sum);
			}
		}

		@Override
		public void close() throws Exception {
			this.delegate.close();
		}

	}

}
