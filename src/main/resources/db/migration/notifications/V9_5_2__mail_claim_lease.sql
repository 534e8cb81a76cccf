-- A mail being sent is claimed until claimed_until; an instance that dies while sending leaves the claim
-- to expire, and the mail is claimed again and sent.
ALTER TABLE mail_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX mail_outbox_claims_idx ON mail_outbox (status, claimed_until);
