-- The audit trail without a shared row on the write path. An audited change's transaction only inserts its entry,
-- numbered by a sequence (no lock another transaction needs; a rolled-back change leaves a gap in the numbers) and
-- authenticated by a MAC under a key derived from the server key. A sealer, one at a time across instances, then
-- gives each committed entry its place in the hash chain (seq, prev_hash, hash) and signs the chain's new head.
ALTER TABLE audit_entries ADD COLUMN id BIGINT;
UPDATE audit_entries SET id = seq;
ALTER TABLE audit_entries ALTER COLUMN id SET NOT NULL;
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_pkey;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_pkey PRIMARY KEY (id);
ALTER TABLE audit_entries ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_entries ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_entries ALTER COLUMN hash DROP NOT NULL;
CREATE UNIQUE INDEX audit_entries_seq_idx ON audit_entries (seq);
ALTER TABLE audit_entries ADD COLUMN mac CHAR(64);
-- The entries the sealer has still to chain, in the order it chains them.
CREATE INDEX audit_entries_unsealed_idx ON audit_entries (id) WHERE seq IS NULL;

CREATE SEQUENCE audit_entry_id_seq;
SELECT setval('audit_entry_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_entries), false);
ALTER TABLE audit_entries ALTER COLUMN id SET DEFAULT nextval('audit_entry_id_seq');
ALTER SEQUENCE audit_entry_id_seq OWNED BY audit_entries.id;

-- The chain's head is now written by the sealer alone.
ALTER TABLE audit_chain_head ADD COLUMN sealed_at TIMESTAMP WITH TIME ZONE;

-- Every head the sealer signed, as GET /api/v1/verify/audit-head serves it: anyone who kept one can later show
-- that the history before it was not rewritten.
CREATE TABLE audit_heads (
	seq BIGINT NOT NULL PRIMARY KEY,
	hash CHAR(64) NOT NULL,
	sealed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	sealed_at_text VARCHAR(40) NOT NULL,
	key_id VARCHAR(32) NOT NULL,
	signature VARCHAR(200) NOT NULL
);
