-- The statuses of a project (ProjectStatus), as a lookup table (see applications).
CREATE TABLE project_statuses (
	code VARCHAR(24) NOT NULL PRIMARY KEY
);
INSERT INTO project_statuses (code) VALUES ('APPROVED'), ('IN_PROGRESS'), ('COMPLETION_REQUESTED'),
	('COMPLETION_CONSENTED'), ('UNDER_ACCEPTANCE'), ('COMPLETED'), ('FAILED'), ('RECTIFYING'), ('TERMINATED');

-- The numbers given so far under each prefix (<year>-<province>): publication reserves the next ones under this
-- row's lock, in its own transaction, so that numbers stay unique and dense even when two batches share a prefix.
CREATE TABLE project_number_prefixes (
	prefix VARCHAR(20) NOT NULL PRIMARY KEY,
	last_sequence INT NOT NULL
);

-- A project (立项项目): an approved application, numbered when the department publishes the approval list
-- (<year>-<province>-<4 digits>, dense per prefix). What the published list shows of the guide, the enterprise,
-- the leader and the university is copied onto the row at publication, as it was approved.
CREATE TABLE projects (
	id UUID NOT NULL PRIMARY KEY,
	project_number VARCHAR(40) NOT NULL UNIQUE,
	batch_id UUID NOT NULL REFERENCES batches (id),
	number_prefix VARCHAR(20) NOT NULL,
	number_sequence INT NOT NULL,
	application_id UUID NOT NULL UNIQUE REFERENCES applications (id),
	application_number VARCHAR(40) NOT NULL,
	guide_id UUID NOT NULL REFERENCES guides (id),
	guide_title VARCHAR(200) NOT NULL,
	enterprise_id UUID NOT NULL REFERENCES organizations (id),
	enterprise_name VARCHAR(200) NOT NULL,
	university_id UUID NOT NULL REFERENCES organizations (id),
	university_name VARCHAR(200) NOT NULL,
	leader_id UUID NOT NULL REFERENCES users (id),
	leader_name VARCHAR(100) NOT NULL,
	title VARCHAR(200) NOT NULL,
	project_type VARCHAR(32) NOT NULL REFERENCES project_types (code),
	cash NUMERIC(14, 2) NOT NULL,
	hardware_software NUMERIC(14, 2) NOT NULL,
	key_project BOOLEAN NOT NULL,
	status VARCHAR(24) NOT NULL REFERENCES project_statuses (code),
	search_text TEXT NOT NULL,
	approved_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL,
	CONSTRAINT projects_sequence_once UNIQUE (number_prefix, number_sequence),
	CONSTRAINT projects_money_ck CHECK (cash >= 0 AND hardware_software >= 0)
);
CREATE INDEX projects_batch_idx ON projects (batch_id, number_prefix, number_sequence);
CREATE INDEX projects_leader_idx ON projects (leader_id, status);
CREATE INDEX projects_university_idx ON projects (university_id, batch_id);
CREATE INDEX projects_enterprise_idx ON projects (enterprise_id, batch_id);
