-- Public notices (公示): what is shown, from when to when, and who answers objections on it.
CREATE TABLE notices (
	id UUID NOT NULL PRIMARY KEY,
	batch_id UUID NOT NULL REFERENCES batches (id),
	kind VARCHAR(20) NOT NULL,
	title VARCHAR(200) NOT NULL,
	body TEXT NOT NULL,
	opener_organization_id UUID NOT NULL REFERENCES organizations (id),
	opened_by VARCHAR(64) NOT NULL,
	opens_at TIMESTAMP WITH TIME ZONE NOT NULL,
	closes_at TIMESTAMP WITH TIME ZONE NOT NULL,
	working_days INT NOT NULL,
	status VARCHAR(10) NOT NULL,
	closed_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL
);
CREATE INDEX notices_batch_idx ON notices (batch_id, kind, status);
CREATE INDEX notices_opens_idx ON notices (opens_at);

CREATE TABLE notice_subjects (
	notice_id UUID NOT NULL REFERENCES notices (id),
	subject_id UUID NOT NULL,
	sort_order INT NOT NULL,
	title VARCHAR(300) NOT NULL,
	summary TEXT,
	revoked BOOLEAN NOT NULL,
	PRIMARY KEY (notice_id, subject_id)
);

-- Objections (异议): under a real name with a phone number, decided by the notice's responsible party.
CREATE TABLE objections (
	id UUID NOT NULL PRIMARY KEY,
	notice_id UUID NOT NULL REFERENCES notices (id),
	subject_id UUID NOT NULL,
	name VARCHAR(100) NOT NULL,
	phone VARCHAR(40) NOT NULL,
	email VARCHAR(200),
	reason TEXT NOT NULL,
	client_address VARCHAR(64),
	filed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	status VARCHAR(10) NOT NULL,
	response TEXT,
	decided_at TIMESTAMP WITH TIME ZONE,
	decided_by VARCHAR(64),
	version BIGINT NOT NULL
);
CREATE INDEX objections_notice_idx ON objections (notice_id, status);
CREATE INDEX objections_client_idx ON objections (client_address, filed_at);

CREATE TABLE objection_evidence (
	objection_id UUID NOT NULL REFERENCES objections (id),
	file_id UUID NOT NULL REFERENCES stored_files (id),
	PRIMARY KEY (objection_id, file_id)
);
