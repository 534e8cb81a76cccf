-- E-mail waiting to go out: written in the same transaction as the inbox message, sent by a scheduled
-- dispatcher with retries, so that no message is lost when the mail server is down.
CREATE TABLE mail_outbox (
	id UUID NOT NULL PRIMARY KEY,
	recipient_id UUID NOT NULL REFERENCES users (id),
	to_address VARCHAR(200) NOT NULL,
	message_key VARCHAR(100) NOT NULL,
	arguments TEXT NOT NULL,
	link VARCHAR(300),
	status VARCHAR(10) NOT NULL,
	attempts INT NOT NULL,
	last_error VARCHAR(500),
	claimed_by VARCHAR(64),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
