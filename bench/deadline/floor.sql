-- The drafts that the pgbench floor (submit.pgbench) submits: :rows teachers fl0000001... (ids dead0000-...-c000-n)
-- each with one DRAFT application (ids dead0000-...-d000-n) cloned from one of the burst's applications, and the
-- receipt content of one of the burst's receipts as the template of the floor's receipts.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT ('dead0000-0000-4000-c000-' || lpad(to_hex(n), 12, '0'))::uuid, 'fl' || lpad(n::text, 7, '0'), 'x',
       '教师fl' || n, 'TEACHER', ('dead0000-0000-4000-a000-' || lpad(to_hex(1 + n % 100), 12, '0'))::uuid,
       'fl' || n || '@teachers.example.com', '13800000000', '副教授', true, false, now(), 0
FROM generate_series(1, :rows) n;

INSERT INTO applications (id, application_number, batch_id, batch_year, guide_id, guide_title, enterprise_id,
  enterprise_name, project_type, leader_id, leader_name, university_id, university_name, title, summary, plan,
  expected_outcomes, budget_total, status, return_reason, withdraw_reason, submission_count, search_text, created_at,
  updated_at, submitted_at, endorsed_at, version)
SELECT ('dead0000-0000-4000-d000-' || lpad(to_hex(n), 12, '0'))::uuid, NULL, t.batch_id, t.batch_year, t.guide_id,
       t.guide_title, t.enterprise_id, t.enterprise_name, t.project_type,
       ('dead0000-0000-4000-c000-' || lpad(to_hex(n), 12, '0'))::uuid, '教师fl' || n,
       ('dead0000-0000-4000-a000-' || lpad(to_hex(1 + n % 100), 12, '0'))::uuid, '基准测试大学' || (1 + n % 100),
       t.title || ' fl' || n, t.summary, t.plan, t.expected_outcomes, t.budget_total, 'DRAFT', NULL, NULL, 0,
       t.search_text || ' fl' || n, now(), now(), NULL, NULL, 0
FROM generate_series(1, :rows) n,
     (SELECT * FROM applications WHERE batch_id = 'dead0000-0000-4000-8000-000000002025' LIMIT 1) t;

CREATE TABLE bench_floor_template AS
SELECT content, signature, key_id FROM application_receipts ORDER BY receipt_number LIMIT 1;
CREATE SEQUENCE bench_floor_seq;
COMMIT;
VACUUM ANALYZE users;
VACUUM ANALYZE applications;
VACUUM ANALYZE application_receipts;
VACUUM ANALYZE audit_entries;
