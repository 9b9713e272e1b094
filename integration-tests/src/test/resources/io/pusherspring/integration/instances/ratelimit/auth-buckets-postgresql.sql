-- tag::schema[]
CREATE TABLE IF NOT EXISTS pusher_auth_bucket (
	id VARCHAR(255) PRIMARY KEY,
	state BYTEA,
	expires_at BIGINT
);
-- end::schema[]
