-- One row per upload; the bytes live once per content under <home>/files/<sha256[0..2]>/<sha256>.
CREATE TABLE stored_files (
	id UUID NOT NULL PRIMARY KEY,
	sha256 CHAR(64) NOT NULL,
	size_bytes BIGINT NOT NULL,
	media_type VARCHAR(100) NOT NULL,
	original_name VARCHAR(255) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(64)
);
CREATE INDEX stored_files_sha_idx ON stored_files (sha256);
