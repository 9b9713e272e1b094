package io.pusherspring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.Assert;

/**
 * A {@link WebhookDeduplicationStore} in this instance's memory: the default, right for
 * an application that runs as one instance. Several instances behind a load balancer each
 * remember only what they handled, so a retry that reaches another instance is handled
 * again there; they need a shared store such as {@link JdbcWebhookDeduplicationStore}.
 * Entries are dropped once expired, so memory follows the webhooks of the last few
 * minutes.
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	private final AtomicReference<Instant> nextSweep;

	/**
	 * Create an empty store on the system clock.
	 */
	public InMemoryWebhookDeduplicationStore() {
		this(Clock.systemUTC());
	}

	InMemoryWebhookDeduplicationStore(Clock clock) {
		this.clock = clock;
		this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
	}

	@Override
	public Claim claim(String id, String claimant, Instant leaseEnd, Instant expiresAt) {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(claimant, "'claimant' must not be empty");
		Instant now = this.clock.instant();
		sweepIfDue(now);
		Claim[] outcome = new Claim[1];
		this.entries.compute(id, (key, existing) -> {
			if (existing == null || existing.isOver(now)) {
				outcome[0] = Claim.CLAIMED;
				return new Entry(claimant, leaseEnd, expiresAt, false);
			}
			outcome[0] = existing.handled() ? Claim.HANDLED : Claim.IN_PROGRESS;
			return existing;
		});
		return outcome[0];
	}

	@Override
	public boolean complete(String id, String claimant) {
		boolean[] completed = new boolean[1];
		this.entries.computeIfPresent(id, (key, existing) -> {
			if (existing.claimant().equals(claimant)) {
				completed[0] = true;
				return new Entry(claimant, existing.leaseEnd(), existing.expiresAt(), true);
			}
			return existing;
		});
		return completed[0];
	}

	@Override
	public void release(String id, String claimant) {
		this.entries.computeIfPresent(id,
				(key, existing) -> (existing.claimant().equals(claimant) && !existing.handled()) ? null : existing);
	}

	/**
	 * How many entries are remembered.
	 */
	int size() {
		return this.entries.size();
	}

	private void sweepIfDue(Instant now) {
		Instant due = this.nextSweep.get();
		if (!now.isBefore(due) && this.nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
			this.entries.values().removeIf((entry) -> entry.expiresAt().isBefore(now));
		}
	}

	@Override
	public String toString() {
		return "InMemoryWebhookDeduplicationStore[" + this.entries.size() + " entries]";
	}

	/**
	 * A claim, or a handled entry.
	 */
	private record Entry(String claimant, Instant leaseEnd, Instant expiresAt, boolean handled) {

		/**
		 * Whether a new claim may replace this entry: it expired, or it is a claim whose
		 * lease ended.
		 */
		boolean isOver(Instant now) {
			return this.expiresAt.isBefore(now) || (!this.handled && this.leaseEnd.isBefore(now));
		}

	}

}
