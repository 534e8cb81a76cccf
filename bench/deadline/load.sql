-- The deadline benchmark's people and batch (bench/deadline/run.sh): a batch DL-2025 with the demo batch
-- JL-2025's rules whose application window is open now, 100 universities, and :teachers teachers
-- (dl000001, dl000002, ...) spread over them, with the password hash :'hash' and no password change pending.
-- The guides come after, from bench/catalogue/load.sql.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO batches (id, code, title, batch_year, province_code, time_zone, guide_submission_opens,
  guide_submission_closes, application_opens, application_closes, review_closes, completion_due_months,
  min_enterprise_age_years, min_enterprise_cash, key_project_quota, notice_working_days, max_applications_per_teacher,
  max_projects_in_progress_per_teacher, experts_per_application, max_endorsements_per_enterprise,
  max_endorsements_per_enterprise_and_type, attachment_max_bytes, created_at, updated_at, version)
SELECT 'dead0000-0000-4000-8000-000000002025', 'DL-2025', '截止前申报基准测试批次', batch_year, province_code, time_zone,
       now() - interval '40 days', now() - interval '30 days', now() - interval '1 day', now() + interval '6 hours',
       now() + interval '30 days', completion_due_months, min_enterprise_age_years, min_enterprise_cash,
       key_project_quota, notice_working_days, max_applications_per_teacher, max_projects_in_progress_per_teacher,
       experts_per_application, max_endorsements_per_enterprise, max_endorsements_per_enterprise_and_type,
       attachment_max_bytes, now(), now(), 0
FROM batches WHERE code = 'JL-2025';
INSERT INTO batch_type_minimums (batch_id, project_type, amount)
SELECT 'dead0000-0000-4000-8000-000000002025', project_type, amount FROM batch_type_minimums
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2025');
INSERT INTO batch_directions (batch_id, list_index, name)
SELECT 'dead0000-0000-4000-8000-000000002025', list_index, name FROM batch_directions
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2025');
INSERT INTO batch_industries (batch_id, list_index, name)
SELECT 'dead0000-0000-4000-8000-000000002025', list_index, name FROM batch_industries
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2025');

INSERT INTO organizations (id, kind, name, code, status, created_at, version)
SELECT ('dead0000-0000-4000-a000-' || lpad(to_hex(u), 12, '0'))::uuid, 'UNIVERSITY', '基准测试大学' || u,
       'DLU' || lpad(u::text, 6, '0'), 'ACTIVE', now(), 0
FROM generate_series(1, 100) u;

INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT ('dead0000-0000-4000-b000-' || lpad(to_hex(t), 12, '0'))::uuid, 'dl' || lpad(t::text, 6, '0'), :'hash',
       '教师' || t, 'TEACHER', ('dead0000-0000-4000-a000-' || lpad(to_hex(1 + t % 100), 12, '0'))::uuid,
       'dl' || t || '@teachers.example.com', '13800000000', '副教授', true, false, now(), 0
FROM generate_series(1, :teachers) t;
COMMIT;
VACUUM ANALYZE users;
VACUUM ANALYZE organizations;
