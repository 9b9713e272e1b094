-- The table of JdbcWebhookDeduplicationStore: one row per webhook entry claimed or handled,
-- deleted once expired (a few minutes after Pusher sent it). Times are epoch milliseconds.
-- Portable SQL: PostgreSQL, MySQL, MariaDB, H2 and SQLite run it as it is.
CREATE TABLE IF NOT EXISTS pusher_webhook_event (
	id VARCHAR(100) NOT NULL PRIMARY KEY,
	claimant VARCHAR(64) NOT NULL,
	lease_end BIGINT NOT NULL,
	expires_at BIGINT NOT NULL,
	handled_at BIGINT
);
