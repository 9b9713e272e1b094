package io.pusherspring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import io.pusherspring.SettableClock;
import io.pusherspring.webhook.WebhookDeduplicationStore.Claim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link WebhookDeduplicationStore}, held by
 * {@link InMemoryWebhookDeduplicationStore} and by {@link JdbcWebhookDeduplicationStore}
 * on H2 with the shipped schema.
 */
class WebhookDeduplicationStoreTests {

	private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration WINDOW = Duration.ofMinutes(6);

	private static final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
		.generateUniqueName(true)
		.addScript(JdbcWebhookDeduplicationStore.SCHEMA_LOCATION)
		.build();

	@AfterAll
	static void shutDown() {
		database.shutdown();
	}

	static Stream<Arguments> stores() {
		Function<Clock, WebhookDeduplicationStore> memory = InMemoryWebhookDeduplicationStore::new;
		Function<Clock, WebhookDeduplicationStore> jdbc = (clock) -> new JdbcWebhookDeduplicationStore(
				new JdbcTemplate(database), clock);
		return Stream.of(Arguments.of("memory", memory), Arguments.of("jdbc", jdbc));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aNewEntryIsClaimedAndAClaimInProgressKeepsOthersOut(String name,
			Function<Clock, WebhookDeduplicationStore> stores) {
		SettableClock clock = new SettableClock(START);
		WebhookDeduplicationStore store = stores.apply(clock);
		String id = newId();
		assertThat(claim(store, clock, id, "first")).isEqualTo(Claim.CLAIMED);
		assertThat(claim(store, clock, id, "second")).isEqualTo(Claim.IN_PROGRESS);
		assertThat(claim(store, clock, newId(), "second")).as("another entry").isEqualTo(Claim.CLAIMED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aCompletedEntryIsHandledUntilItExpires(String name, Function<Clock, WebhookDeduplicationStore> stores) {
		SettableClock clock = new SettableClock(START);
		WebhookDeduplicationStore store = stores.apply(clock);
		String id = newId();
		claim(store, clock, id, "first");
		assertThat(store.complete(id, "first")).isTrue();
		clock.advance(LEASE.multipliedBy(2));
		assertThat(claim(store, clock, id, "retry")).as("long after the lease").isEqualTo(Claim.HANDLED);
		clock.advance(WINDOW);
		assertThat(claim(store, clock, id, "replay")).as("once expired").isEqualTo(Claim.CLAIMED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aReleasedClaimLetsTheNextDeliveryHandleTheEntry(String name,
			Function<Clock, WebhookDeduplicationStore> stores) {
		SettableClock clock = new SettableClock(START);
		WebhookDeduplicationStore store = stores.apply(clock);
		String id = newId();
		claim(store, clock, id, "failing");
		store.release(id, "failing");
		assertThat(claim(store, clock, id, "retry")).isEqualTo(Claim.CLAIMED);
		store.release(id, "failing");
		assertThat(claim(store, clock, id, "other")).as("a stale release leaves the retry's claim")
			.isEqualTo(Claim.IN_PROGRESS);
		assertThat(store.complete(id, "retry")).isTrue();
		store.release(id, "retry");
		assertThat(claim(store, clock, id, "other")).as("a completed entry is not released").isEqualTo(Claim.HANDLED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aLapsedClaimIsTakenOverAndItsClaimantCanNoLongerCompleteIt(String name,
			Function<Clock, WebhookDeduplicationStore> stores) {
		SettableClock clock = new SettableClock(START);
		WebhookDeduplicationStore store = stores.apply(clock);
		String id = newId();
		claim(store, clock, id, "dead");
		clock.advance(LEASE.plusSeconds(1));
		assertThat(claim(store, clock, id, "retry")).isEqualTo(Claim.CLAIMED);
		assertThat(store.complete(id, "dead")).isFalse();
		assertThat(claim(store, clock, id, "other")).isEqualTo(Claim.IN_PROGRESS);
		assertThat(store.complete(id, "retry")).isTrue();
		assertThat(claim(store, clock, id, "other")).isEqualTo(Claim.HANDLED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void ofManyConcurrentClaimsOfOneEntryExactlyOneWins(String name, Function<Clock, WebhookDeduplicationStore> stores)
			throws Exception {
		SettableClock clock = new SettableClock(START);
		WebhookDeduplicationStore store = stores.apply(clock);
		String id = newId();
		int claimants = 8;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(claimants);
		try {
			List<Future<Claim>> claims = new ArrayList<>();
			for (int i = 0; i < claimants; i++) {
				String claimant = "claimant-" + i;
				Callable<Claim> claim = () -> {
					go.await();
					return claim(store, clock, id, claimant);
				};
				claims.add(executor.submit(claim));
			}
			go.countDown();
			List<Claim> outcomes = new ArrayList<>();
			for (Future<Claim> claim : claims) {
				outcomes.add(claim.get());
			}
			assertThat(outcomes).containsOnlyOnce(Claim.CLAIMED)
				.filteredOn((claim) -> claim != Claim.CLAIMED)
				.containsOnly(Claim.IN_PROGRESS);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void expiredEntriesAreDeleted(String name, Function<Clock, WebhookDeduplicationStore> stores) {
		SettableClock clock = new SettableClock(START);
		WebhookDeduplicationStore store = stores.apply(clock);
		String old = newId();
		claim(store, clock, old, "first");
		store.complete(old, "first");
		clock.advance(WINDOW.plusMinutes(1));
		claim(store, clock, newId(), "later");
		if (store instanceof InMemoryWebhookDeduplicationStore memory) {
			assertThat(memory.size()).isEqualTo(1);
		}
		else {
			assertThat(new JdbcTemplate(database)
				.queryForObject("SELECT count(*) FROM pusher_webhook_event WHERE id = ?", Integer.class, old)).isZero();
		}
	}

	private static Claim claim(WebhookDeduplicationStore store, SettableClock clock, String id, String claimant) {
		Instant now = clock.instant();
		return store.claim(id, claimant, now.plus(LEASE), now.plus(WINDOW));
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * A clock that moves only when told to.
	 */

}
