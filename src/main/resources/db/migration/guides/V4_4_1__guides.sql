-- The statuses a guide (项目指南) passes through (GuideStatus). A lookup table rather than
-- CHECK (status IN (...)): H2 2.4 fails such checks once the connection that created them has closed.
CREATE TABLE guide_statuses (
	code VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO guide_statuses (code) VALUES ('DRAFT'), ('SUBMITTED'), ('RETURNED'), ('APPROVED'), ('IN_NOTICE'),
	('PUBLISHED'), ('REVOKED'), ('WITHDRAWN');

-- One guide: what an enterprise offers in a batch. The enterprise's name is copied onto the row when the
-- guide is saved, so that the catalogue never joins across modules; search_text is the lower-cased title,
-- enterprise name and description that the catalogue's free-text search reads.
CREATE TABLE guides (
	id UUID NOT NULL PRIMARY KEY,
	batch_id UUID NOT NULL REFERENCES batches (id),
	enterprise_id UUID NOT NULL REFERENCES organizations (id),
	enterprise_name VARCHAR(200) NOT NULL,
	project_type VARCHAR(32) NOT NULL REFERENCES project_types (code),
	title VARCHAR(200) NOT NULL,
	direction VARCHAR(100) NOT NULL,
	industry VARCHAR(100) NOT NULL,
	description TEXT NOT NULL,
	requirements TEXT NOT NULL,
	projects_offered INT NOT NULL,
	cash_per_project NUMERIC(14, 2) NOT NULL,
	hardware_software_per_project NUMERIC(14, 2) NOT NULL,
	contact_name VARCHAR(100) NOT NULL,
	contact_phone VARCHAR(40) NOT NULL,
	contact_email VARCHAR(200) NOT NULL,
	status VARCHAR(16) NOT NULL REFERENCES guide_statuses (code),
	return_reason TEXT,
	revoke_reason TEXT,
	search_text TEXT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE,
	reviewed_at TIMESTAMP WITH TIME ZONE,
	published_at TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	CONSTRAINT guides_projects_ck CHECK (projects_offered BETWEEN 1 AND 1000),
	CONSTRAINT guides_amounts_ck CHECK (cash_per_project >= 0 AND hardware_software_per_project >= 0)
);

-- The catalogue's orders, each led by the filters every query carries (status, then batch):
-- newest, most cash per project, title.
CREATE INDEX guides_newest_idx ON guides (status, batch_id, created_at DESC, id DESC);
CREATE INDEX guides_cash_idx ON guides (status, batch_id, cash_per_project DESC, created_at DESC, id DESC);
CREATE INDEX guides_title_idx ON guides (status, batch_id, title, id);
-- The catalogue across batches, newest first.
CREATE INDEX guides_all_batches_idx ON guides (status, created_at DESC, id DESC);
-- Narrower filters within a batch.
CREATE INDEX guides_type_idx ON guides (batch_id, project_type, status);
CREATE INDEX guides_direction_idx ON guides (batch_id, direction, status);
CREATE INDEX guides_industry_idx ON guides (batch_id, industry, status);
-- An enterprise's own guides in a batch: its page, its submission and its cash total.
CREATE INDEX guides_enterprise_idx ON guides (enterprise_id, batch_id, status);
