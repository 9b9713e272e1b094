package io.pusherspring.webhook;

import java.time.Instant;

/**
 * Remembers which webhook entries were handled, by {@link WebhookEvent#id()}, so that the
 * built-in endpoint hands each entry to the application's listeners once, however often
 * Pusher delivers it and whichever instance of the application receives it.
 * <p>
 * Handling an entry is claim, then complete or release: {@link #claim claim} it before
 * its listeners run; once they all returned, mark it {@link #complete complete}, so that
 * every later delivery is skipped; if one threw, {@link #release release} the claim, so
 * that Pusher's retry handles the entry again. A claim expires at its lease end: a claim
 * whose handler died with its instance is taken over by the next delivery after that.
 * Every method takes effect at once, without waiting for another claimant, and is safe to
 * call concurrently from several threads and, for a shared store, from several instances.
 * <p>
 * {@link InMemoryWebhookDeduplicationStore} (the default) serves one instance;
 * {@link JdbcWebhookDeduplicationStore} is shared by every instance on one database. A
 * bean of this type replaces the auto-configured store.
 */
public interface WebhookDeduplicationStore {

	/**
	 * Claim an entry for handling.
	 * @param id the entry's id
	 * @param claimant who claims it: a value unique to one handling attempt, at most 64
	 * characters
	 * @param leaseEnd when the claim lapses unless completed: a later delivery may then
	 * claim the entry again
	 * @param expiresAt when the entry may be forgotten, completed or not; not before
	 * {@code leaseEnd}
	 * @return {@link Claim#CLAIMED} if the caller should handle the entry (no one had
	 * claimed it, or the earlier claim lapsed or expired); {@link Claim#HANDLED} if it
	 * was handled; {@link Claim#IN_PROGRESS} if another claimant holds a live claim
	 * @throws RuntimeException if the store cannot answer; the entry must then not be
	 * handled, and the delivery is answered with 503 so that Pusher retries it
	 */
	Claim claim(String id, String claimant, Instant leaseEnd, Instant expiresAt);

	/**
	 * Mark a claimed entry handled, until its expiry.
	 * @param id the entry's id
	 * @param claimant the claimant that claimed it
	 * @return whether the claim was still this claimant's (it may have lapsed and been
	 * taken over)
	 */
	boolean complete(String id, String claimant);

	/**
	 * Give up a claim that was not completed, so that the next delivery handles the
	 * entry.
	 * @param id the entry's id
	 * @param claimant the claimant that claimed it
	 */
	void release(String id, String claimant);

	/**
	 * The answer to a {@link #claim claim}.
	 */
	enum Claim {

		/**
		 * The caller holds the claim: handle the entry, then complete or release it.
		 */
		CLAIMED,

		/**
		 * The entry was handled: skip it.
		 */
		HANDLED,

		/**
		 * Another claimant is handling the entry now: skip it, and have Pusher retry, in
		 * case that handling fails.
		 */
		IN_PROGRESS

	}

}
