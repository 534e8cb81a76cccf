-- An initial password set by an administrator serves until it is changed or this moment passes (72 hours).
ALTER TABLE users ADD COLUMN password_expires_at TIMESTAMP WITH TIME ZONE;

-- One-time links with which an account's holder chooses its own password: only their SHA-256 is stored.
CREATE TABLE password_setup_links (
	token_hash CHAR(64) NOT NULL PRIMARY KEY,
	user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_setup_links_user_idx ON password_setup_links (user_id);
