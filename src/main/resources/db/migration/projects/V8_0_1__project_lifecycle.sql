-- The cooperation agreement (合作协议) of a project: the terms the leader enters from the signed copy it uploads,
-- checked by the university and confirmed by the enterprise. Returned agreements are entered again.
CREATE TABLE project_agreements (
	project_id UUID NOT NULL PRIMARY KEY REFERENCES projects (id),
	cash_total NUMERIC(14, 2) NOT NULL,
	hardware_software_total NUMERIC(14, 2) NOT NULL,
	starts_on DATE NOT NULL,
	ends_on DATE NOT NULL,
	deliverables TEXT NOT NULL,
	ip_ownership VARCHAR(16) NOT NULL,
	funds_due_on DATE NOT NULL,
	file_id UUID NOT NULL REFERENCES stored_files (id),
	status VARCHAR(16) NOT NULL,
	return_reason VARCHAR(2000),
	submitted_by VARCHAR(64) NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	checked_by VARCHAR(64),
	checked_at TIMESTAMP WITH TIME ZONE,
	confirmed_by VARCHAR(64),
	confirmed_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	CONSTRAINT project_agreements_dates_ck CHECK (ends_on > starts_on),
	CONSTRAINT project_agreements_money_ck CHECK (cash_total >= 0 AND hardware_software_total >= 0)
);

-- When a project's agreement must be in by, and the reminders sent about it (once each).
ALTER TABLE projects ADD COLUMN ends_on DATE;
ALTER TABLE projects ADD COLUMN agreement_due_on DATE;
ALTER TABLE projects ADD COLUMN rectified BOOLEAN DEFAULT FALSE NOT NULL;

-- Every step of a project, for its page: who, when, what.
CREATE TABLE project_history (
	id UUID NOT NULL PRIMARY KEY,
	project_id UUID NOT NULL REFERENCES projects (id),
	at TIMESTAMP WITH TIME ZONE NOT NULL,
	actor VARCHAR(64) NOT NULL,
	action VARCHAR(40) NOT NULL,
	detail TEXT NOT NULL
);
CREATE INDEX project_history_project_idx ON project_history (project_id, at);

-- Change requests: a new leader, or one extension of at most a year; the enterprise approves, then the department.
CREATE TABLE project_changes (
	id UUID NOT NULL PRIMARY KEY,
	project_id UUID NOT NULL REFERENCES projects (id),
	kind VARCHAR(16) NOT NULL,
	new_leader_id UUID REFERENCES users (id),
	new_ends_on DATE,
	reason VARCHAR(2000) NOT NULL,
	status VARCHAR(24) NOT NULL,
	reject_reason VARCHAR(2000),
	requested_by VARCHAR(64) NOT NULL,
	requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
	enterprise_decided_at TIMESTAMP WITH TIME ZONE,
	department_decided_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL
);
CREATE INDEX project_changes_project_idx ON project_changes (project_id, kind, status);

-- The leader's completion request: the report, its outcomes and how the funds were used; attempt 2 after rectifying.
CREATE TABLE project_completions (
	project_id UUID NOT NULL PRIMARY KEY REFERENCES projects (id),
	report TEXT NOT NULL,
	attempt INT NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	return_reason VARCHAR(2000),
	consented_at TIMESTAMP WITH TIME ZONE,
	conclusion VARCHAR(16),
	conclusion_comment TEXT,
	concluded_at TIMESTAMP WITH TIME ZONE,
	noticed_at TIMESTAMP WITH TIME ZONE,
	notice_closed_at TIMESTAMP WITH TIME ZONE,
	objection_upheld BOOLEAN DEFAULT FALSE NOT NULL,
	published_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL
);

-- The outcomes (成果) of a completion: courses, textbooks, cases, papers, patents, others; each with an optional file.
CREATE TABLE project_outcomes (
	project_id UUID NOT NULL REFERENCES project_completions (project_id) ON DELETE CASCADE,
	outcome_index INT NOT NULL,
	kind VARCHAR(16) NOT NULL,
	title VARCHAR(200) NOT NULL,
	description TEXT NOT NULL,
	file_id UUID REFERENCES stored_files (id),
	PRIMARY KEY (project_id, outcome_index)
);

-- How the funds were used, line by line.
CREATE TABLE project_fund_usage (
	project_id UUID NOT NULL REFERENCES project_completions (project_id) ON DELETE CASCADE,
	line_index INT NOT NULL,
	category VARCHAR(100) NOT NULL,
	amount NUMERIC(14, 2) NOT NULL,
	PRIMARY KEY (project_id, line_index),
	CONSTRAINT project_fund_usage_amount_ck CHECK (amount >= 0)
);

-- The enterprise's acceptance experts (验收专家) and what each concluded.
CREATE TABLE acceptance_assignments (
	id UUID NOT NULL PRIMARY KEY,
	project_id UUID NOT NULL REFERENCES projects (id),
	attempt INT NOT NULL,
	expert_id UUID NOT NULL REFERENCES users (id),
	conclusion VARCHAR(16),
	comment TEXT,
	assigned_by VARCHAR(64) NOT NULL,
	assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
	concluded_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT acceptance_assignments_once UNIQUE (project_id, attempt, expert_id)
);
CREATE INDEX acceptance_assignments_expert_idx ON acceptance_assignments (expert_id, concluded_at);

-- Completion certificates (结项证书): a number, and a code that only the certificate's holder has.
CREATE TABLE completion_certificates (
	project_id UUID NOT NULL PRIMARY KEY REFERENCES projects (id),
	certificate_number VARCHAR(40) NOT NULL UNIQUE,
	verification_code VARCHAR(16) NOT NULL,
	issued_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Funds: each cash payment and each hardware/software delivery the enterprise records; the university confirms.
CREATE TABLE project_disbursements (
	id UUID NOT NULL PRIMARY KEY,
	project_id UUID NOT NULL REFERENCES projects (id),
	kind VARCHAR(24) NOT NULL,
	amount NUMERIC(14, 2) NOT NULL,
	paid_on DATE NOT NULL,
	reference VARCHAR(200) NOT NULL,
	voucher_file_id UUID REFERENCES stored_files (id),
	recorded_by VARCHAR(64) NOT NULL,
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
	confirmed_by VARCHAR(64),
	confirmed_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	CONSTRAINT project_disbursements_amount_ck CHECK (amount > 0)
);
CREATE INDEX project_disbursements_project_idx ON project_disbursements (project_id, kind);

-- Reminders about a project sent once each (e.g. AGREEMENT_DUE_SOON, AGREEMENT_OVERDUE), across instances.
CREATE TABLE project_reminders (
	project_id UUID NOT NULL REFERENCES projects (id),
	reminder VARCHAR(40) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (project_id, reminder)
);
