-- Batches: each year's schedule and rules. Every rule is a column or a child row that the database checks;
-- the defaults are the 2024 notice's and live in the code (BatchRules.notice2024), not here.
CREATE TABLE batches (
	id UUID NOT NULL PRIMARY KEY,
	code VARCHAR(40) NOT NULL,
	title VARCHAR(200) NOT NULL,
	batch_year INT NOT NULL,
	province_code VARCHAR(2) NOT NULL,
	time_zone VARCHAR(64) NOT NULL,
	guide_submission_opens TIMESTAMP WITH TIME ZONE NOT NULL,
	guide_submission_closes TIMESTAMP WITH TIME ZONE NOT NULL,
	application_opens TIMESTAMP WITH TIME ZONE NOT NULL,
	application_closes TIMESTAMP WITH TIME ZONE NOT NULL,
	review_closes TIMESTAMP WITH TIME ZONE NOT NULL,
	completion_due_months INT NOT NULL,
	min_enterprise_age_years INT NOT NULL,
	min_enterprise_cash NUMERIC(14, 2) NOT NULL,
	key_project_quota INT NOT NULL,
	notice_working_days INT NOT NULL,
	max_applications_per_teacher INT NOT NULL,
	max_projects_in_progress_per_teacher INT NOT NULL,
	experts_per_application INT NOT NULL,
	max_endorsements_per_enterprise INT,
	max_endorsements_per_enterprise_and_type INT,
	attachment_max_bytes BIGINT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL,
	CONSTRAINT batches_code_uq UNIQUE (code),
	CONSTRAINT batches_year_ck CHECK (batch_year BETWEEN 2000 AND 2100),
	CONSTRAINT batches_schedule_order_ck CHECK (guide_submission_opens <= guide_submission_closes
		AND guide_submission_closes <= application_opens AND application_opens <= application_closes
		AND application_closes <= review_closes),
	CONSTRAINT batches_rules_ck CHECK (completion_due_months BETWEEN 1 AND 120
		AND min_enterprise_age_years BETWEEN 0 AND 100 AND min_enterprise_cash >= 0 AND key_project_quota >= 0
		AND notice_working_days BETWEEN 1 AND 30 AND max_applications_per_teacher >= 0
		AND max_projects_in_progress_per_teacher >= 0 AND experts_per_application BETWEEN 1 AND 15
		AND (max_endorsements_per_enterprise IS NULL OR max_endorsements_per_enterprise >= 0)
		AND (max_endorsements_per_enterprise_and_type IS NULL OR max_endorsements_per_enterprise_and_type >= 0)
		AND attachment_max_bytes BETWEEN 1 AND 52428800)
);
CREATE INDEX batches_year_idx ON batches (batch_year, code);

-- The notice's six project types (ProjectType). A lookup table rather than CHECK (project_type IN (...)):
-- H2 2.4.240 fails such checks once the connection that created them has closed (h2database#4308).
CREATE TABLE project_types (
	code VARCHAR(32) NOT NULL PRIMARY KEY
);
INSERT INTO project_types (code) VALUES ('NEW_DISCIPLINES'), ('CURRICULUM'), ('TEACHER_TRAINING'), ('PRACTICE_BASE'),
	('INNOVATION_EDUCATION'), ('INNOVATION_FUND');

-- Each project type's least support per project (cash, or hardware/software value for PRACTICE_BASE).
CREATE TABLE batch_type_minimums (
	batch_id UUID NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
	project_type VARCHAR(32) NOT NULL REFERENCES project_types (code),
	amount NUMERIC(14, 2) NOT NULL,
	PRIMARY KEY (batch_id, project_type),
	CONSTRAINT batch_type_minimums_amount_ck CHECK (amount >= 0)
);

-- The key directions (重点支持方向) a guide chooses from, in the department's order.
CREATE TABLE batch_directions (
	batch_id UUID NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
	list_index INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	PRIMARY KEY (batch_id, list_index),
	CONSTRAINT batch_directions_name_uq UNIQUE (batch_id, name),
	CONSTRAINT batch_directions_name_ck CHECK (TRIM(name) <> '')
);

-- The industries (产业领域) a guide chooses from, in the department's order.
CREATE TABLE batch_industries (
	batch_id UUID NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
	list_index INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	PRIMARY KEY (batch_id, list_index),
	CONSTRAINT batch_industries_name_uq UNIQUE (batch_id, name),
	CONSTRAINT batch_industries_name_ck CHECK (TRIM(name) <> '')
);
