-- A teacher at work while the department publishes (bench/approvals/run.sh, after load.sql): a batch AD-2025 whose
-- application window is open (JL-2024's rules), one published guide in it (a copy of AP-2024's first guide), and
-- the teacher apt000001, who leads two of AP-2024's applications, able to sign in with the demo password (the demo
-- department officer's hash). The bench then makes the teacher's draft through the API and autosaves it during
-- publication as the application form does (POST /applications/{id}/edit with HX-Request).
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO batches (id, code, title, batch_year, province_code, time_zone, guide_submission_opens,
  guide_submission_closes, application_opens, application_closes, review_closes, completion_due_months,
  min_enterprise_age_years, min_enterprise_cash, key_project_quota, notice_working_days, max_applications_per_teacher,
  max_projects_in_progress_per_teacher, experts_per_application, max_endorsements_per_enterprise,
  max_endorsements_per_enterprise_and_type, attachment_max_bytes, created_at, updated_at, version)
SELECT 'a9910000-0000-4000-8000-000000002025', 'AD-2025', '草稿保存基准测试批次（申报中）', 2025, 'JL', time_zone,
       now() - interval '40 days', now() - interval '30 days', now() - interval '1 day', now() + interval '10 days',
       now() + interval '40 days', completion_due_months, min_enterprise_age_years, min_enterprise_cash,
       key_project_quota, notice_working_days, max_applications_per_teacher, max_projects_in_progress_per_teacher,
       experts_per_application, max_endorsements_per_enterprise, max_endorsements_per_enterprise_and_type,
       attachment_max_bytes, now(), now(), 0
FROM batches WHERE code = 'JL-2024';
INSERT INTO batch_type_minimums (batch_id, project_type, amount)
SELECT 'a9910000-0000-4000-8000-000000002025', project_type, amount FROM batch_type_minimums
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO batch_directions (batch_id, list_index, name)
SELECT 'a9910000-0000-4000-8000-000000002025', list_index, name FROM batch_directions
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO batch_industries (batch_id, list_index, name)
SELECT 'a9910000-0000-4000-8000-000000002025', list_index, name FROM batch_industries
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, industry, description,
  requirements, projects_offered, cash_per_project, hardware_software_per_project, contact_name, contact_phone,
  contact_email, status, search_text, created_at, updated_at, submitted_at, reviewed_at, published_at, version)
SELECT 'a9940000-0000-4000-a000-202500000001', 'a9910000-0000-4000-8000-000000002025', enterprise_id,
       enterprise_name, project_type, '草稿保存基准 ' || title, direction, industry, description, requirements,
       projects_offered, cash_per_project, hardware_software_per_project, contact_name, contact_phone, contact_email,
       'PUBLISHED', search_text, created_at, updated_at, submitted_at, reviewed_at, published_at, 0
FROM guides WHERE id = 'a9940000-0000-4000-a000-000000000001';
UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'dept')
WHERE username = 'apt000001';
COMMIT;
