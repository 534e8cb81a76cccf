CREATE TABLE users (
	id UUID NOT NULL PRIMARY KEY,
	username VARCHAR(64) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	display_name VARCHAR(100) NOT NULL,
	role VARCHAR(32) NOT NULL,
	organization_id UUID REFERENCES organizations (id),
	email VARCHAR(200),
	phone VARCHAR(40),
	title VARCHAR(60),
	enabled BOOLEAN NOT NULL,
	password_change_required BOOLEAN NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL,
	CONSTRAINT users_username_uq UNIQUE (username)
);
CREATE INDEX users_organization_idx ON users (organization_id, role);

-- Failed sign-ins and lockouts, kept apart from the account so that a sign-in never races an edit.
CREATE TABLE login_states (
	user_id UUID NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	failed_attempts INT NOT NULL,
	locked_until TIMESTAMP WITH TIME ZONE,
	last_login_at TIMESTAMP WITH TIME ZONE
);

-- Opaque API tokens: only their SHA-256 is stored.
CREATE TABLE api_tokens (
	id UUID NOT NULL PRIMARY KEY,
	token_hash CHAR(64) NOT NULL,
	user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	revoked_at TIMESTAMP WITH TIME ZONE,
	client_address VARCHAR(64),
	CONSTRAINT api_tokens_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Idempotency keys: the first answer to a POST, replayed for the same key from the same user for 24 hours.
-- status 0 marks a request still being answered.
CREATE TABLE idempotent_requests (
	username VARCHAR(64) NOT NULL,
	idempotency_key VARCHAR(200) NOT NULL,
	request_path VARCHAR(300) NOT NULL,
	request_hash CHAR(64) NOT NULL,
	status INT NOT NULL,
	content_type VARCHAR(100),
	body TEXT,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (username, idempotency_key)
);
CREATE INDEX idempotent_requests_created_idx ON idempotent_requests (created_at);
