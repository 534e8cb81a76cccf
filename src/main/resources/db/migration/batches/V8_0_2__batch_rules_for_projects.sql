-- The rules of a project's life after approval, per batch. The defaults are the notice's values (BatchRules.notice2024),
-- repeated here only so that batches opened before these rules existed take them.
-- agreement_due_days: days after the approval list is published by which the leader submits the cooperation agreement.
ALTER TABLE batches ADD COLUMN agreement_due_days INT DEFAULT 30 NOT NULL;
-- max_extension_months: the longest extension of a project's end date that one change request may ask.
ALTER TABLE batches ADD COLUMN max_extension_months INT DEFAULT 12 NOT NULL;
-- max_rectifications: how many times acceptance may send a project back to rectify and resubmit.
ALTER TABLE batches ADD COLUMN max_rectifications INT DEFAULT 1 NOT NULL;
-- overdue_blocks_applications: a teacher leading a project past its end date without completion cannot submit.
ALTER TABLE batches ADD COLUMN overdue_blocks_applications BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE batches ADD CONSTRAINT batches_project_rules_ck CHECK (agreement_due_days BETWEEN 1 AND 365
	AND max_extension_months BETWEEN 1 AND 36 AND max_rectifications BETWEEN 0 AND 3);
