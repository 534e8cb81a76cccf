-- Application numbers come from a sequence, not a counter row per batch: a counter row stays locked until
-- its transaction commits, so that every submission in the last minute waited for the one before it. A
-- sequence hands out numbers without a lock; a submission that rolls back leaves a gap, which application
-- numbers may have (the numbers of approved projects are dense; they are given at publication).
CREATE SEQUENCE application_number_seq START WITH 1;
DROP TABLE application_counters;
