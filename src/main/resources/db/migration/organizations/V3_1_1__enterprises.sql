-- An enterprise's registration: its details, its review and its place on the defaulters' list.
CREATE TABLE enterprises (
	id UUID NOT NULL PRIMARY KEY REFERENCES organizations (id),
	name VARCHAR(200) NOT NULL,
	credit_code CHAR(18) NOT NULL,
	legal_representative VARCHAR(100) NOT NULL,
	founded_on DATE NOT NULL,
	registered_capital NUMERIC(16, 2) NOT NULL,
	industry VARCHAR(100) NOT NULL,
	address VARCHAR(300) NOT NULL,
	description TEXT NOT NULL,
	contact_name VARCHAR(100) NOT NULL,
	contact_phone VARCHAR(40) NOT NULL,
	contact_email VARCHAR(200) NOT NULL,
	status VARCHAR(20) NOT NULL,
	status_before_blacklist VARCHAR(20),
	review_reason TEXT,
	blacklist_reason TEXT,
	submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	reviewed_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	CONSTRAINT enterprises_credit_code_uq UNIQUE (credit_code)
);
CREATE INDEX enterprises_status_idx ON enterprises (status, submitted_at);

-- The documents an enterprise uploads; the newest of each kind is the one that counts.
CREATE TABLE enterprise_documents (
	id UUID NOT NULL PRIMARY KEY,
	enterprise_id UUID NOT NULL REFERENCES enterprises (id),
	kind VARCHAR(30) NOT NULL,
	file_id UUID NOT NULL REFERENCES stored_files (id),
	uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
	uploaded_by VARCHAR(64) NOT NULL
);
CREATE INDEX enterprise_documents_enterprise_idx ON enterprise_documents (enterprise_id, kind, uploaded_at);

-- The defaulters' list over time: every listing and delisting with its reason.
CREATE TABLE defaulter_entries (
	id UUID NOT NULL PRIMARY KEY,
	enterprise_id UUID NOT NULL REFERENCES enterprises (id),
	action VARCHAR(10) NOT NULL,
	reason TEXT NOT NULL,
	decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
	decided_by VARCHAR(64) NOT NULL
);
CREATE INDEX defaulter_entries_enterprise_idx ON defaulter_entries (enterprise_id, decided_at);

-- Experts: whose pool they serve (the department's or one enterprise's), their affiliation and fields.
CREATE TABLE experts (
	id UUID NOT NULL PRIMARY KEY REFERENCES users (id),
	owner_id UUID NOT NULL REFERENCES organizations (id),
	affiliation_id UUID REFERENCES organizations (id),
	affiliation_name VARCHAR(200) NOT NULL,
	fields VARCHAR(500) NOT NULL,
	version BIGINT NOT NULL
);
CREATE INDEX experts_owner_idx ON experts (owner_id);

-- What an expert declares a conflict with: an organisation on the platform, or a person by name.
CREATE TABLE expert_conflicts (
	id UUID NOT NULL PRIMARY KEY,
	expert_id UUID NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
	organization_id UUID REFERENCES organizations (id),
	person_name VARCHAR(100),
	reason VARCHAR(500) NOT NULL,
	declared_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX expert_conflicts_expert_idx ON expert_conflicts (expert_id);
