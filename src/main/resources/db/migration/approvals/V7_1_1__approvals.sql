-- One row per batch whose recommendations the department decides: the lock that serialises decisions (so that
-- the key-project quota holds when several officers decide at once) and publication, and when it last published.
CREATE TABLE approval_rounds (
	batch_id UUID NOT NULL PRIMARY KEY REFERENCES batches (id),
	last_published_at TIMESTAMP WITH TIME ZONE,
	published_count INT NOT NULL,
	version BIGINT NOT NULL
);

-- The department's decision on a recommended application, until publication makes it final: approve (general or
-- key) or reject with a reason (only an approval may be key). Reverting deletes it (the audit trail keeps it).
-- An approval goes under an
-- APPROVALS notice; an upheld objection turns it into a rejection.
CREATE TABLE approval_decisions (
	application_id UUID NOT NULL PRIMARY KEY REFERENCES applications (id),
	batch_id UUID NOT NULL REFERENCES approval_rounds (batch_id),
	outcome VARCHAR(16) NOT NULL,
	key_project BOOLEAN NOT NULL,
	reason VARCHAR(2000),
	decided_by VARCHAR(64) NOT NULL,
	decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
	noticed_at TIMESTAMP WITH TIME ZONE,
	notice_closed_at TIMESTAMP WITH TIME ZONE,
	objection_upheld BOOLEAN NOT NULL,
	published_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL
);
CREATE INDEX approval_decisions_batch_idx ON approval_decisions (batch_id, outcome, key_project);
