-- One live application per teacher and guide, held by the database: live_guide_id is the guide while the
-- application is live (any status but WITHDRAWN) and NULL once withdrawn, and NULLs never collide in a unique
-- index. (A partial unique index would say it directly, but the embedded H2 has none.)
ALTER TABLE applications ADD COLUMN live_guide_id UUID;

-- Duplicates made before this migration stay as they are (their fate is for their teacher or university to
-- decide, in the audit trail, not for a migration); of each teacher's live applications to one guide the most
-- advanced holds the place: a filed one before a draft, then the oldest.
UPDATE applications a SET live_guide_id = guide_id
WHERE a.status <> 'WITHDRAWN' AND NOT EXISTS (
	SELECT 1 FROM applications b
	WHERE b.leader_id = a.leader_id AND b.guide_id = a.guide_id AND b.status <> 'WITHDRAWN' AND b.id <> a.id
	AND ((b.status <> 'DRAFT' AND a.status = 'DRAFT')
		OR ((b.status = 'DRAFT') = (a.status = 'DRAFT')
			AND (b.created_at < a.created_at OR (b.created_at = a.created_at AND b.id < a.id)))));

CREATE UNIQUE INDEX applications_one_live_per_guide_uk ON applications (leader_id, live_guide_id);
