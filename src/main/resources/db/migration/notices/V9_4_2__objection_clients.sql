-- One row per client address that has filed an objection, locked while it files one: the count of its last hour's
-- objections and the new one are then a single step, however many of its requests arrive at once.
CREATE TABLE objection_clients (
	client_address VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO objection_clients (client_address)
SELECT DISTINCT client_address FROM objections WHERE client_address IS NOT NULL;
