-- What publication does to the audit chain's head, without the app (bench/approvals/run.sh runs it at the end):
-- AuditTrail.recordAs reads the head row FOR UPDATE and updates it once per audit entry, and publication records
-- two entries per application (PROJECT_OPENED or none, APPLICATION_APPROVED/REJECTED) in ONE transaction. Every
-- update leaves a row version that cannot be pruned before the transaction ends, so each next lookup of the head
-- walks a longer chain of versions: the cost of an entry grows with the entries before it (quadratic in all).
-- :entries entries in one transaction, timed per fifth.
\set ON_ERROR_STOP on
CREATE TABLE bench_chain_head (id INT PRIMARY KEY, last_seq BIGINT NOT NULL, last_hash CHAR(64) NOT NULL);
INSERT INTO bench_chain_head VALUES (1, 0, repeat('0', 64));
BEGIN;
SET LOCAL bench.entries = :'entries';
DO $$
DECLARE
	n INT := current_setting('bench.entries')::int;
	step INT := greatest(1, n / 5);
	t TIMESTAMPTZ := clock_timestamp();
	s BIGINT;
	h TEXT;
BEGIN
	FOR i IN 1..n LOOP
		SELECT last_seq, last_hash INTO s, h FROM bench_chain_head WHERE id = 1 FOR UPDATE;
		UPDATE bench_chain_head SET last_seq = s + 1, last_hash = encode(sha256(h::bytea), 'hex') WHERE id = 1;
		IF i % step = 0 THEN
			RAISE NOTICE 'entries % .. %: % ms each (read FOR UPDATE + update of the head)', i - step + 1, i,
				round((extract(epoch FROM clock_timestamp() - t) * 1000 / step)::numeric, 3);
			t := clock_timestamp();
		END IF;
	END LOOP;
END $$;
COMMIT;
DROP TABLE bench_chain_head;
