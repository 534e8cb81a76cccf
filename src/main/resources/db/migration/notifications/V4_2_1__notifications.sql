-- The in-app inbox: one row per recipient; the text is a message key with arguments, so that
-- each reader sees it in its own language.
CREATE TABLE inbox_messages (
	id UUID NOT NULL PRIMARY KEY,
	recipient_id UUID NOT NULL REFERENCES users (id),
	message_key VARCHAR(100) NOT NULL,
	arguments TEXT NOT NULL,
	link VARCHAR(300),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	read_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX inbox_messages_recipient_idx ON inbox_messages (recipient_id, created_at);
