-- The append-only audit trail. Each entry's hash covers its content and the previous entry's hash.
CREATE TABLE audit_entries (
	seq BIGINT NOT NULL PRIMARY KEY,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	actor VARCHAR(100) NOT NULL,
	actor_role VARCHAR(32),
	organization_id UUID,
	client_address VARCHAR(64),
	action VARCHAR(80) NOT NULL,
	subject_type VARCHAR(60),
	subject_id VARCHAR(100),
	before_summary TEXT,
	after_summary TEXT,
	prev_hash CHAR(64) NOT NULL,
	hash CHAR(64) NOT NULL
);
CREATE INDEX audit_entries_occurred_idx ON audit_entries (occurred_at);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor, occurred_at);
CREATE INDEX audit_entries_subject_idx ON audit_entries (subject_id);

-- The head of the chain: one row, locked by each append so that entries form one line.
CREATE TABLE audit_chain_head (
	id INT NOT NULL PRIMARY KEY,
	last_seq BIGINT NOT NULL,
	last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
