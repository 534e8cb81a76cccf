-- Every organisation a user can belong to: the department, universities, enterprises.
CREATE TABLE organizations (
	id UUID NOT NULL PRIMARY KEY,
	kind VARCHAR(20) NOT NULL,
	name VARCHAR(200) NOT NULL,
	code VARCHAR(18) NOT NULL,
	status VARCHAR(20) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL,
	CONSTRAINT organizations_kind_code_uq UNIQUE (kind, code)
);
CREATE INDEX organizations_kind_idx ON organizations (kind, name);

-- The department that runs the installation; renamed through the settings.
INSERT INTO organizations (id, kind, name, code, status, created_at, version)
VALUES ('00000000-0000-0000-0000-000000000001', 'DEPARTMENT', '省教育厅', 'DEPARTMENT', 'ACTIVE', CURRENT_TIMESTAMP, 0);
