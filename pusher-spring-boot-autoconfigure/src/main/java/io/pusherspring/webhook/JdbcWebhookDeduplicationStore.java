package io.pusherspring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.util.Assert;

/**
 * A {@link WebhookDeduplicationStore} in a relational database, shared by every instance
 * of the application that uses the same database: a retry that reaches another instance
 * is recognized there.
 * <p>
 * It uses the table {@value #TABLE}, which {@value #SCHEMA_LOCATION} creates (portable
 * SQL; run it with {@code spring.sql.init.schema-locations}, Flyway or Liquibase). Each
 * method is one or a few single-row statements, each committed on its own, so that no
 * instance ever waits for another's claim: a claim is a row inserted under the entry's
 * id, and a second claimant's insert fails at once on the primary key. Expired rows are
 * deleted by each instance, at most once a minute, as it claims entries.
 */
public final class JdbcWebhookDeduplicationStore implements WebhookDeduplicationStore {

	/**
	 * The table the store uses.
	 */
	public static final String TABLE = "pusher_webhook_event";

	/**
	 * Where the schema is on the class path, as {@code spring.sql.init.schema-locations}
	 * takes it.
	 */
	public static final String SCHEMA_LOCATION = "classpath:io/pusherspring/webhook/schema-deduplication.sql";

	private static final Log logger = LogFactory.getLog(JdbcWebhookDeduplicationStore.class);

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

	private static final int MAX_ID_LENGTH = 100;

	private static final int MAX_CLAIMANT_LENGTH = 64;

	private static final String INSERT = "INSERT INTO " + TABLE
			+ " (id, claimant, lease_end, expires_at, handled_at) VALUES (?, ?, ?, ?, NULL)";

	private static final String TAKE_OVER = "UPDATE " + TABLE
			+ " SET claimant = ?, lease_end = ?, expires_at = ?, handled_at = NULL"
			+ " WHERE id = ? AND (expires_at < ? OR (handled_at IS NULL AND lease_end < ?))";

	private static final String SELECT_HANDLED = "SELECT handled_at FROM " + TABLE + " WHERE id = ?";

	private static final String COMPLETE = "UPDATE " + TABLE + " SET handled_at = ? WHERE id = ? AND claimant = ?";

	private static final String RELEASE = "DELETE FROM " + TABLE
			+ " WHERE id = ? AND claimant = ? AND handled_at IS NULL";

	private static final String PURGE = "DELETE FROM " + TABLE + " WHERE expires_at < ?";

	private final JdbcOperations jdbc;

	private final Clock clock;

	private final AtomicLong nextPurge;

	/**
	 * Create a store on a database that has the table.
	 * @param jdbc the database, for example a {@code JdbcTemplate}; its statements must
	 * not run inside the application's transactions
	 */
	public JdbcWebhookDeduplicationStore(JdbcOperations jdbc) {
		this(jdbc, Clock.systemUTC());
	}

	JdbcWebhookDeduplicationStore(JdbcOperations jdbc, Clock clock) {
		Assert.notNull(jdbc, "'jdbc' must not be null");
		this.jdbc = jdbc;
		this.clock = clock;
		this.nextPurge = new AtomicLong(clock.millis());
	}

	@Override
	public Claim claim(String id, String claimant, Instant leaseEnd, Instant expiresAt) {
		Assert.isTrue(id.length() <= MAX_ID_LENGTH, () -> "'id' must be at most " + MAX_ID_LENGTH + " characters");
		Assert.isTrue(!claimant.isEmpty() && claimant.length() <= MAX_CLAIMANT_LENGTH,
				() -> "'claimant' must have 1 to " + MAX_CLAIMANT_LENGTH + " characters");
		long now = this.clock.millis();
		purgeIfDue(now);
		// a row may vanish between two statements (released, or purged): look again
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				this.jdbc.update(INSERT, id, claimant, leaseEnd.toEpochMilli(), expiresAt.toEpochMilli());
				return Claim.CLAIMED;
			}
			catch (DuplicateKeyException ex) {
				// claimed or handled before: see whether that is over
			}
			if (this.jdbc.update(TAKE_OVER, claimant, leaseEnd.toEpochMilli(), expiresAt.toEpochMilli(), id, now,
					now) == 1) {
				return Claim.CLAIMED;
			}
			List<Boolean> handled = this.jdbc.query(SELECT_HANDLED, (row, n) -> row.getObject(1) != null, id);
			if (!handled.isEmpty()) {
				return handled.get(0) ? Claim.HANDLED : Claim.IN_PROGRESS;
			}
		}
		return Claim.IN_PROGRESS;
	}

	@Override
	public boolean complete(String id, String claimant) {
		return this.jdbc.update(COMPLETE, this.clock.millis(), id, claimant) == 1;
	}

	@Override
	public void release(String id, String claimant) {
		this.jdbc.update(RELEASE, id, claimant);
	}

	/**
	 * Delete the expired rows now.
	 * @return how many rows were deleted
	 */
	int purge() {
		return this.jdbc.update(PURGE, this.clock.millis());
	}

	private void purgeIfDue(long now) {
		long due = this.nextPurge.get();
		if (now >= due && this.nextPurge.compareAndSet(due, now + PURGE_INTERVAL.toMillis())) {
			try {
				this.jdbc.update(PURGE, now);
			}
			catch (DataAccessException ex) {
				logger.warn("Could not delete expired Pusher webhook entries from " + TABLE + "; trying again in "
						+ PURGE_INTERVAL.toMinutes() + " minute", ex);
			}
		}
	}

	@Override
	public String toString() {
		return "JdbcWebhookDeduplicationStore[" + TABLE + "]";
	}

}
