-- The statuses an application (申报) passes through (ApplicationStatus), as a lookup table: H2 2.4 fails
-- CHECK (status IN (...)) once the connection that created it has closed.
CREATE TABLE application_statuses (
	code VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO application_statuses (code) VALUES ('DRAFT'), ('SUBMITTED'), ('RETURNED'), ('ENDORSED'),
	('UNDER_REVIEW'), ('SELECTED'), ('NOT_SELECTED'), ('RECOMMENDED'), ('APPROVED'), ('REJECTED'), ('WITHDRAWN');

-- One application of a teacher (its leader) to a published guide. What lists show of the guide, the
-- enterprise, the leader and the university is copied onto the row when the application is drafted, so that
-- no list joins across modules. A draft may be incomplete; submission checks it whole. The number is given
-- at the first submission, dense per batch (application_counters).
CREATE TABLE applications (
	id UUID NOT NULL PRIMARY KEY,
	application_number VARCHAR(40) UNIQUE,
	batch_id UUID NOT NULL REFERENCES batches (id),
	batch_year INT NOT NULL,
	guide_id UUID NOT NULL REFERENCES guides (id),
	guide_title VARCHAR(200) NOT NULL,
	enterprise_id UUID NOT NULL REFERENCES organizations (id),
	enterprise_name VARCHAR(200) NOT NULL,
	project_type VARCHAR(32) NOT NULL REFERENCES project_types (code),
	leader_id UUID NOT NULL REFERENCES users (id),
	leader_name VARCHAR(100) NOT NULL,
	university_id UUID NOT NULL REFERENCES organizations (id),
	university_name VARCHAR(200) NOT NULL,
	title VARCHAR(200) NOT NULL,
	summary TEXT NOT NULL,
	plan TEXT NOT NULL,
	expected_outcomes TEXT NOT NULL,
	budget_total NUMERIC(14, 2) NOT NULL,
	status VARCHAR(16) NOT NULL REFERENCES application_statuses (code),
	return_reason TEXT,
	withdraw_reason TEXT,
	submission_count INT NOT NULL,
	search_text TEXT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE,
	endorsed_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	CONSTRAINT applications_budget_ck CHECK (budget_total >= 0)
);
-- A teacher's own applications (its list, its yearly count, the lock that serialises its submissions).
CREATE INDEX applications_leader_idx ON applications (leader_id, batch_year, status);
-- A university's queue and its endorsement caps per enterprise and type.
CREATE INDEX applications_university_idx ON applications (university_id, batch_id, status, submitted_at);
CREATE INDEX applications_university_enterprise_idx ON applications (university_id, batch_id, enterprise_id,
	project_type, status);
-- An enterprise's endorsed applications, per guide.
CREATE INDEX applications_guide_idx ON applications (guide_id, status, submitted_at);
CREATE INDEX applications_enterprise_idx ON applications (enterprise_id, batch_id, status);
CREATE INDEX applications_batch_idx ON applications (batch_id, status, submitted_at);

-- The team: members besides the leader, in the order given.
CREATE TABLE application_team_members (
	application_id UUID NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	member_index INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	title VARCHAR(100) NOT NULL,
	organization VARCHAR(200) NOT NULL,
	member_role VARCHAR(200) NOT NULL,
	PRIMARY KEY (application_id, member_index)
);

-- The budget, line by line; its total may not exceed the guide's cash per project.
CREATE TABLE application_budget_lines (
	application_id UUID NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	line_index INT NOT NULL,
	category VARCHAR(100) NOT NULL,
	amount NUMERIC(14, 2) NOT NULL,
	PRIMARY KEY (application_id, line_index),
	CONSTRAINT application_budget_lines_amount_ck CHECK (amount >= 0)
);

-- The files attached: the signed and stamped application form (申报书, a PDF) and supporting documents.
CREATE TABLE application_attachments (
	id UUID NOT NULL PRIMARY KEY,
	application_id UUID NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	kind VARCHAR(20) NOT NULL,
	file_id UUID NOT NULL REFERENCES stored_files (id),
	sha256 CHAR(64) NOT NULL,
	size_bytes BIGINT NOT NULL,
	media_type VARCHAR(100) NOT NULL,
	original_name VARCHAR(200) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_attachments_application_idx ON application_attachments (application_id, created_at);

-- The last application number given in each batch.
CREATE TABLE application_counters (
	batch_id UUID NOT NULL PRIMARY KEY REFERENCES batches (id),
	last_number BIGINT NOT NULL
);

-- A receipt for each submission: the exact content submitted (canonical JSON, attachment hashes included),
-- its SHA-256 and the server's signature over number, time and digest.
CREATE TABLE application_receipts (
	receipt_number VARCHAR(48) NOT NULL PRIMARY KEY,
	application_id UUID NOT NULL REFERENCES applications (id),
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	digest CHAR(64) NOT NULL,
	signature VARCHAR(200) NOT NULL,
	key_id VARCHAR(64) NOT NULL,
	content TEXT NOT NULL
);
CREATE INDEX application_receipts_application_idx ON application_receipts (application_id, submitted_at);

-- Deadline reminders already sent, so that each goes out once.
CREATE TABLE application_reminders (
	application_id UUID NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	reminder VARCHAR(16) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (application_id, reminder)
);
