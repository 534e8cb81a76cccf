-- An event delivered again (another instance resubmitting it after a crash) must not tell anyone twice:
-- each inbox message an event causes carries a key made of the event publication, the recipient and the
-- message, unique here; the message's mail is written only with a new message. NULL: not from an event.
ALTER TABLE inbox_messages ADD COLUMN dedup_key UUID;
CREATE UNIQUE INDEX inbox_messages_dedup_key_idx ON inbox_messages (dedup_key);
