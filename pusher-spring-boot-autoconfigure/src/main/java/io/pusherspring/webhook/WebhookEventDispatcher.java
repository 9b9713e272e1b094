package io.pusherspring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.webhook.WebhookDeduplicationStore.Claim;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Publishes the entries of a verified webhook as application events, free of any web
 * stack. With a {@link WebhookDeduplicationStore}, each entry is claimed first and
 * published only if this delivery holds the claim: completed once every listener
 * returned, released if one threw, so that Pusher's retry handles it again.
 */
final class WebhookEventDispatcher {

	/**
	 * How long a claim holds: a handler still busy after that has long been given up on
	 * by Pusher (which waits 4 seconds for an answer), and is presumed dead with its
	 * instance; Pusher's retries, which go on for 5 minutes, then handle the entry.
	 */
	static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

	/**
	 * Kept past the window for clocks that disagree, as the filter accepts a
	 * {@code time_ms} up to a minute ahead.
	 */
	static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(PusherWebhookEndpoint.class);

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable PusherWebhookEventObservationConvention observationConvention;

	private @Nullable WebhookDeduplicationStore store;

	private Duration window = Duration.ZERO;

	WebhookEventDispatcher(ApplicationEventPublisher publisher, Clock clock) {
		Assert.notNull(publisher, "'publisher' must not be null");
		this.publisher = publisher;
		this.clock = clock;
	}

	void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	void setObservationConvention(@Nullable PusherWebhookEventObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	void setDeduplication(@Nullable WebhookDeduplicationStore store, Duration window) {
		Assert.isTrue(!window.isNegative() && !window.isZero(), "'window' must be positive");
		this.store = store;
		this.window = window;
	}

	@Nullable WebhookDeduplicationStore getStore() {
		return this.store;
	}

	/**
	 * Publish every entry of a webhook that is not handled yet.
	 * @param webhook the verified webhook
	 * @return what became of its entries
	 */
	Outcome dispatch(PusherWebhook webhook) {
		WebhookDeduplicationStore store = this.store;
		String claimant = UUID.randomUUID().toString();
		int failed = 0;
		int duplicates = 0;
		int inProgress = 0;
		for (WebhookEvent event : webhook.events()) {
			if (store == null) {
				failed += publish(event) ? 0 : 1;
				continue;
			}
			Instant now = this.clock.instant();
			Instant leaseEnd = now.plus(CLAIM_LEASE);
			Claim claim;
			try {
				claim = store.claim(event.id(), claimant, leaseEnd, expiry(event, leaseEnd));
			}
			catch (RuntimeException ex) {
				logger.error("Could not claim Pusher webhook event " + event.name() + " " + event.id() + " in " + store
						+ "; leaving it and the entries after it to Pusher's retry", ex);
				return new Outcome(webhook.events().size(), failed, duplicates, inProgress, true);
			}
			switch (claim) {
				case HANDLED -> {
					duplicates++;
					if (logger.isDebugEnabled()) {
						logger.debug(
								"Skipped Pusher webhook event " + event.name() + " " + event.id() + ": handled before");
					}
				}
				case IN_PROGRESS -> {
					inProgress++;
					if (logger.isDebugEnabled()) {
						logger.debug("Skipped Pusher webhook event " + event.name() + " " + event.id()
								+ ": another delivery is handling it");
					}
				}
				case CLAIMED -> {
					if (publish(event)) {
						complete(store, event, claimant);
					}
					else {
						failed++;
						release(store, event, claimant, leaseEnd);
					}
				}
			}
		}
		return new Outcome(webhook.events().size(), failed, duplicates, inProgress, false);
	}

	/**
	 * When an entry may be forgotten: once no retry of it can be accepted any more.
	 */
	private Instant expiry(WebhookEvent event, Instant leaseEnd) {
		Instant expiry = event.time().plus(this.window).plus(CLOCK_ALLOWANCE);
		return expiry.isAfter(leaseEnd) ? expiry : leaseEnd;
	}

	private static void complete(WebhookDeduplicationStore store, WebhookEvent event, String claimant) {
		try {
			if (!store.complete(event.id(), claimant)) {
				logger.warn("Pusher webhook event " + event.name() + " " + event.id() + " took longer than "
						+ CLAIM_LEASE.toSeconds() + "s to handle, and another delivery may have handled it too");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Handled Pusher webhook event " + event.name() + " " + event.id() + " but could not mark it "
					+ "handled in " + store + "; a retry after " + CLAIM_LEASE.toSeconds() + "s would handle it again",
					ex);
		}
	}

	private static void release(WebhookDeduplicationStore store, WebhookEvent event, String claimant,
			Instant leaseEnd) {
		try {
			store.release(event.id(), claimant);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the claim on Pusher webhook event " + event.name() + " " + event.id()
					+ " in " + store + "; Pusher's retries handle it after " + leaseEnd, ex);
		}
	}

	/**
	 * Publish one entry to the listeners.
	 * @return whether every listener returned
	 */
	private boolean publish(WebhookEvent event) {
		PusherWebhookEventObservationContext context = new PusherWebhookEventObservationContext(event);
		Observation observation = PusherWebhookObservation.EVENT
			.observation(this.observationConvention, DefaultPusherWebhookEventObservationConvention.INSTANCE,
					() -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			this.publisher.publishEvent(event);
			return true;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			String text = "A listener failed on Pusher webhook event " + event.name() + " " + event.id()
					+ "; answering 500 so that Pusher retries: " + ex;
			// the observation records the exception; the stack trace is for debugging
			if (logger.isDebugEnabled()) {
				logger.error(text, ex);
			}
			else {
				logger.error(text);
			}
			return false;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * What became of a webhook's entries.
	 *
	 * @param entries how many it had
	 * @param failed how many a listener threw on
	 * @param duplicates how many were skipped as handled before
	 * @param inProgress how many were skipped because another delivery is handling them
	 * @param storeUnavailable whether the store failed, leaving the rest unhandled
	 */
	record Outcome(int entries, int failed, int duplicates, int inProgress, boolean storeUnavailable) {

	}

}
