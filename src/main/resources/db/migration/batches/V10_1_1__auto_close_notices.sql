-- auto_close_notices: a public notice of the batch whose period has ended with no objection open closes itself
-- (NoticeAutoClose), recorded in the audit trail as done by the system. On by default, as for batches opened before.
ALTER TABLE batches ADD COLUMN auto_close_notices BOOLEAN DEFAULT TRUE NOT NULL;
