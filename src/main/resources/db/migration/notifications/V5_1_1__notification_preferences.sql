-- What each user chose for e-mail: the language (NULL: not chosen, mail comes in Chinese and English)
-- and whether mail waits for one daily digest. No row: nothing chosen. The language is checked in Java.
CREATE TABLE notification_preferences (
	user_id UUID NOT NULL PRIMARY KEY REFERENCES users (id),
	mail_language VARCHAR(8),
	daily_digest BOOLEAN NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Mail held for a digest (status HELD) is marked DIGESTED with the id of the digest's own outbox row.
ALTER TABLE mail_outbox ADD COLUMN digest_id UUID;
CREATE INDEX mail_outbox_digest_idx ON mail_outbox (digest_id);
