-- The approvals benchmark's batch (bench/approvals/run.sh): a batch AP-2024 (year 2024, province JL, the demo
-- batch JL-2024's rules and closed schedule, 20 key places) whose :n applications the enterprises recommended and
-- the department decided, as if the APPROVALS notice had run and closed, so that publication can run at once.
--   :enterprises approved enterprises (credit report on file, one contact each), :guides_per enterprise guides
--   each, published; :universities universities (one admin each); :teachers teachers; :experts experts;
--   per application: 2 team members, 2 budget lines, 3 submitted expert scores (2 criteria), its guide's review
--   plan and its selection (CLOSED, the result notice closed), and the department's decision: every 10th rejected
--   with a reason, the others approved (the first 20 as key projects), noticed_at and notice_closed_at set.
-- Every row written is what the app itself would write: the FKs, checks and NOT NULLs of the migrations hold.
\set ON_ERROR_STOP on
BEGIN;
CREATE FUNCTION pg_temp.u(prefix text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE
  AS $$ SELECT (prefix || lpad(to_hex(n), 12, '0'))::uuid $$;
CREATE TEMP TABLE bench_words (wi int PRIMARY KEY, city text, brand text, surname text, given text, direction text,
  kind text, region text, field text) ON COMMIT DROP;
INSERT INTO bench_words
SELECT wi, (ARRAY['长春','吉林','延边','四平','通化','白山','松原','白城','辽源','梅河口'])[wi],
       (ARRAY['智行','云图','启明','华信','恒瑞','博远','星河','中科','鼎盛','联创'])[wi],
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[wi],
       (ARRAY['建国','晓梅','伟','芳','志强','丽','明','静','磊','洋'])[wi],
       (ARRAY['人工智能','数字经济','机器人与装备制造','新能源','智能农业','智能医学','新文科','人工智能','数字经济','新能源'])[wi],
       (ARRAY['课程建设','实践基地建设','师资培训','教学内容改革','创新创业教育','虚拟仿真实验','产教融合','新工科建设','教材建设','实验室建设'])[wi],
       (ARRAY['北方','东方','华北','西南','长江','黄河','海滨','长白山','草原','江南'])[wi],
       (ARRAY['理工','师范','医科','农业','财经','工业','交通','科技','外国语','艺术'])[wi]
FROM generate_series(1, 10) wi;

-- The batch: JL-2024's rules and schedule (all windows closed), code AP-2024, province JL.
INSERT INTO batches (id, code, title, batch_year, province_code, time_zone, guide_submission_opens,
  guide_submission_closes, application_opens, application_closes, review_closes, completion_due_months,
  min_enterprise_age_years, min_enterprise_cash, key_project_quota, notice_working_days, max_applications_per_teacher,
  max_projects_in_progress_per_teacher, experts_per_application, max_endorsements_per_enterprise,
  max_endorsements_per_enterprise_and_type, attachment_max_bytes, created_at, updated_at, version)
SELECT 'a9910000-0000-4000-8000-000000002024', 'AP-2024', '立项发布基准测试批次（2024，吉林）', 2024, 'JL', time_zone,
       guide_submission_opens, guide_submission_closes, application_opens, application_closes, review_closes,
       completion_due_months, min_enterprise_age_years, min_enterprise_cash, 20, notice_working_days,
       max_applications_per_teacher, max_projects_in_progress_per_teacher, experts_per_application,
       max_endorsements_per_enterprise, max_endorsements_per_enterprise_and_type, attachment_max_bytes, now(), now(), 0
FROM batches WHERE code = 'JL-2024';
INSERT INTO batch_type_minimums (batch_id, project_type, amount)
SELECT 'a9910000-0000-4000-8000-000000002024', project_type, amount FROM batch_type_minimums
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO batch_directions (batch_id, list_index, name)
SELECT 'a9910000-0000-4000-8000-000000002024', list_index, name FROM batch_directions
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO batch_industries (batch_id, list_index, name)
SELECT 'a9910000-0000-4000-8000-000000002024', list_index, name FROM batch_industries
WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');

-- Universities, each with an admin (told at publication).
INSERT INTO organizations (id, kind, name, code, status, created_at, version)
SELECT pg_temp.u('a9920000-0000-4000-a000-', x), 'UNIVERSITY', w1.region || w2.field || '大学' || x,
       'APU' || lpad(x::text, 6, '0'), 'ACTIVE', now(), 0
FROM generate_series(1, :universities) x
JOIN bench_words w1 ON w1.wi = 1 + x % 10 JOIN bench_words w2 ON w2.wi = 1 + (x / 10) % 10;
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('a9930000-0000-4000-b000-', x), 'apu' || lpad(x::text, 6, '0') || '-admin', '!bench-no-sign-in',
       '教务处' || x, 'UNIVERSITY_ADMIN', pg_temp.u('a9920000-0000-4000-a000-', x),
       'apu' || x || '@universities.example.com', '0431-88000000', NULL, true, false, now(), 0
FROM generate_series(1, :universities) x;

-- Enterprises: approved, founded in 2010, credit report on file, one contact each.
INSERT INTO organizations (id, kind, name, code, status, created_at, version)
SELECT pg_temp.u('a9920000-0000-4000-b000-', e), 'ENTERPRISE', w1.city || w2.brand || e || '科技有限公司',
       'AP' || lpad(e::text, 16, '0'), 'ACTIVE', now(), 0
FROM generate_series(1, :enterprises) e
JOIN bench_words w1 ON w1.wi = 1 + e % 10 JOIN bench_words w2 ON w2.wi = 1 + (e / 10) % 10;
INSERT INTO enterprises (id, name, credit_code, legal_representative, founded_on, registered_capital, industry,
  address, description, contact_name, contact_phone, contact_email, status, submitted_at, reviewed_at, version)
SELECT o.id, o.name, o.code, '法人' || e, DATE '2010-01-01', 10000000, '人工智能', '长春市', '基准测试企业', '联系人' || e,
       '0431-88000000', 'ape' || e || '@enterprises.example.com', 'APPROVED', now() - interval '300 days',
       now() - interval '290 days', 0
FROM generate_series(1, :enterprises) e JOIN organizations o ON o.id = pg_temp.u('a9920000-0000-4000-b000-', e);
INSERT INTO stored_files (id, sha256, size_bytes, media_type, original_name, created_at, created_by)
SELECT pg_temp.u('a9940000-0000-4000-b000-', e), encode(sha256(('credit report ' || e)::bytea), 'hex'), 102400,
       'application/pdf', '信用报告.pdf', now() - interval '300 days', 'ape' || lpad(e::text, 6, '0')
FROM generate_series(1, :enterprises) e;
INSERT INTO enterprise_documents (id, enterprise_id, kind, file_id, uploaded_at, uploaded_by)
SELECT pg_temp.u('a9940000-0000-4000-c000-', e), pg_temp.u('a9920000-0000-4000-b000-', e), 'CREDIT_REPORT',
       pg_temp.u('a9940000-0000-4000-b000-', e), now() - interval '300 days', 'ape' || lpad(e::text, 6, '0')
FROM generate_series(1, :enterprises) e;
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('a9930000-0000-4000-c000-', e), 'ape' || lpad(e::text, 6, '0'), '!bench-no-sign-in', '联系人' || e,
       'ENTERPRISE_CONTACT', pg_temp.u('a9920000-0000-4000-b000-', e), 'ape' || e || '@enterprises.example.com',
       '0431-88000000', NULL, true, false, now(), 0
FROM generate_series(1, :enterprises) e;

-- Guides: :guides_per per enterprise, published; guide g belongs to enterprise 1 + (g - 1) % :enterprises.
INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, industry, description,
  requirements, projects_offered, cash_per_project, hardware_software_per_project, contact_name, contact_phone,
  contact_email, status, search_text, created_at, updated_at, submitted_at, reviewed_at, published_at, version)
SELECT pg_temp.u('a9940000-0000-4000-a000-', g), 'a9910000-0000-4000-8000-000000002024', o.id, o.name,
       (ARRAY['NEW_DISCIPLINES','CURRICULUM','TEACHER_TRAINING','PRACTICE_BASE','INNOVATION_EDUCATION','INNOVATION_FUND'])[1 + g % 6],
       w.direction || '方向' || w.kind || '项目指南 ' || g, w.direction, '人工智能',
       '面向本科教学的校企合作项目，企业提供经费、师资与平台。', '申报教师须具有相关教学经历。',
       LEAST(1000, GREATEST(1, ceil(:n::numeric / (:enterprises * :guides_per))::int)),
       CASE WHEN g % 6 = 3 THEN 0 ELSE 20000 + (g % 50) * 1000 END,
       CASE WHEN g % 6 = 3 THEN 50000 + (g % 20) * 5000 ELSE 0 END,
       '联系人', '0431-88000000', 'guides@example.com', 'PUBLISHED',
       lower(w.direction || '方向' || w.kind || '项目指南 ' || g || ' ' || o.name),
       now() - interval '200 days', now() - interval '200 days', now() - interval '200 days',
       now() - interval '195 days', now() - interval '190 days', 0
FROM generate_series(1, :enterprises * :guides_per) g
JOIN organizations o ON o.id = pg_temp.u('a9920000-0000-4000-b000-', 1 + (g - 1) % :enterprises)
JOIN bench_words w ON w.wi = 1 + g % 10;

-- Teachers: teacher t at university 1 + (t - 1) % :universities.
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('a9930000-0000-4000-a000-', t), 'apt' || lpad(t::text, 6, '0'), '!bench-no-sign-in',
       w1.surname || w2.given, 'TEACHER', pg_temp.u('a9920000-0000-4000-a000-', 1 + (t - 1) % :universities),
       'apt' || t || '@teachers.example.com', '13800000000', '副教授', true, false, now(), 0
FROM generate_series(1, :teachers) t
JOIN bench_words w1 ON w1.wi = 1 + t % 10 JOIN bench_words w2 ON w2.wi = 1 + (t / 10) % 10;

-- Experts (the department's pool), affiliated to universities.
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('a9930000-0000-4000-d000-', x), 'apx' || lpad(x::text, 6, '0'), '!bench-no-sign-in', '专家' || x,
       'EXPERT', pg_temp.u('a9920000-0000-4000-a000-', 1 + (x - 1) % :universities),
       'apx' || x || '@experts.example.com', NULL, '教授', true, false, now(), 0
FROM generate_series(1, :experts) x;
INSERT INTO experts (id, owner_id, affiliation_id, affiliation_name, fields, version)
SELECT u.id, '00000000-0000-0000-0000-000000000001', u.organization_id, o.name, '人工智能,智能制造', 0
FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.username LIKE 'apx%';

-- Applications: application i to guide 1 + (i - 1) % guides, led by teacher 1 + (i - 1) % :teachers, RECOMMENDED,
-- every denormalised column filled as the app fills it; the budget is the guide's cash (the FUNDING check).
INSERT INTO applications (id, application_number, batch_id, batch_year, guide_id, guide_title, enterprise_id,
  enterprise_name, project_type, leader_id, leader_name, university_id, university_name, title, summary, plan,
  expected_outcomes, budget_total, status, return_reason, withdraw_reason, submission_count, search_text, created_at,
  updated_at, submitted_at, endorsed_at, version)
SELECT pg_temp.u('a9950000-0000-4000-a000-', i), 'AP-2024-' || lpad(i::text, 6, '0'),
       'a9910000-0000-4000-8000-000000002024', 2024, g.id, g.title, g.enterprise_id, g.enterprise_name, g.project_type,
       t.id, t.display_name, uo.id, uo.name, x.title,
       '项目摘要：面向本科教学，结合企业真实场景建设课程与实践环境。', '建设计划：第一年完成课程设计，第二年完成实践与推广。',
       '预期成果：课程一门、教材一部、案例库一套。', g.cash_per_project, 'RECOMMENDED', NULL, NULL, 1,
       lower(x.title || ' ' || g.title || ' ' || g.enterprise_name || ' ' || t.display_name || ' ' || uo.name),
       now() - interval '120 days', now() - interval '60 days', now() - interval '110 days', now() - interval '100 days', 5
FROM generate_series(1, :n) i
JOIN guides g ON g.id = pg_temp.u('a9940000-0000-4000-a000-', 1 + (i - 1) % (:enterprises * :guides_per))
JOIN users t ON t.id = pg_temp.u('a9930000-0000-4000-a000-', 1 + (i - 1) % :teachers)
JOIN organizations uo ON uo.id = t.organization_id
JOIN LATERAL (SELECT w.direction || w2.kind || '研究与实践（' || i || '）' AS title FROM bench_words w, bench_words w2
  WHERE w.wi = 1 + i % 10 AND w2.wi = 1 + (i / 10) % 10) x ON true;
INSERT INTO application_team_members (application_id, member_index, name, title, organization, member_role)
SELECT a.id, m, '成员' || m, '讲师', a.university_name, CASE m WHEN 0 THEN '课程设计' ELSE '实践指导' END
FROM applications a CROSS JOIN generate_series(0, 1) m WHERE a.batch_id = 'a9910000-0000-4000-8000-000000002024';
INSERT INTO application_budget_lines (application_id, line_index, category, amount)
SELECT a.id, l, CASE l WHEN 0 THEN '课程建设' ELSE '实践环境' END,
       CASE l WHEN 0 THEN round(a.budget_total * 0.6, 2) ELSE a.budget_total - round(a.budget_total * 0.6, 2) END
FROM applications a CROSS JOIN generate_series(0, 1) l WHERE a.batch_id = 'a9910000-0000-4000-8000-000000002024';

-- The enterprises' review: a plan per guide (3 experts, 2 criteria), 3 submitted assignments per application
-- with their scores, the selection CLOSED (its result notice closed) with every application selected.
INSERT INTO review_plans (guide_id, batch_id, enterprise_id, experts_per_application, scoring_deadline,
  disagreement_margin, max_per_expert, updated_at, version)
SELECT id, batch_id, enterprise_id, 3, now() - interval '90 days', 15.00, 1000, now() - interval '95 days', 0
FROM guides WHERE batch_id = 'a9910000-0000-4000-8000-000000002024';
INSERT INTO review_criteria (guide_id, criterion_index, name, weight, max_score)
SELECT p.guide_id, c, CASE c WHEN 0 THEN '教学设计' ELSE '可行性' END, CASE c WHEN 0 THEN 60 ELSE 40 END, 100
FROM review_plans p CROSS JOIN generate_series(0, 1) c WHERE p.batch_id = 'a9910000-0000-4000-8000-000000002024';
INSERT INTO review_assignments (id, application_id, guide_id, batch_id, enterprise_id, expert_id, status,
  decline_reason, no_conflict_confirmed_at, comment, assigned_by, assigned_at, submitted_at, updated_at, version)
SELECT pg_temp.u('a9950000-0000-4000-b000-', (i - 1) * 3 + k), a.id, a.guide_id, a.batch_id, a.enterprise_id,
       pg_temp.u('a9930000-0000-4000-d000-', 1 + ((i - 1) * 3 + k) % :experts), 'SUBMITTED', NULL,
       now() - interval '95 days', '方案可行。', 'ape', now() - interval '98 days', now() - interval '92 days',
       now() - interval '92 days', 2
FROM generate_series(1, :n) i CROSS JOIN generate_series(0, 2) k
JOIN applications a ON a.id = pg_temp.u('a9950000-0000-4000-a000-', i);
INSERT INTO review_scores (assignment_id, criterion, score)
SELECT r.id, c.name, 60 + ((hashtext(r.id::text || c.name)::bigint % 41 + 41) % 41)
FROM review_assignments r JOIN review_criteria c ON c.guide_id = r.guide_id
WHERE r.batch_id = 'a9910000-0000-4000-8000-000000002024';
INSERT INTO review_selections (guide_id, batch_id, enterprise_id, state, reason, reopened_reason, selected_at, version)
SELECT id, batch_id, enterprise_id, 'CLOSED', NULL, NULL, now() - interval '80 days', 3
FROM guides WHERE batch_id = 'a9910000-0000-4000-8000-000000002024';
INSERT INTO review_selected (guide_id, application_id, rank_at_selection)
SELECT guide_id, id, row_number() OVER (PARTITION BY guide_id ORDER BY application_number)
FROM applications WHERE batch_id = 'a9910000-0000-4000-8000-000000002024';

-- The department's round and decisions: every 10th application rejected with a reason, the others approved
-- (the first 20 approvals as key projects: 1..22 without 10 and 20), noticed and the notice closed.
INSERT INTO approval_rounds (batch_id, last_published_at, published_count, version)
VALUES ('a9910000-0000-4000-8000-000000002024', NULL, 0, :n);
INSERT INTO approval_decisions (application_id, batch_id, outcome, key_project, reason, decided_by, decided_at,
  noticed_at, notice_closed_at, objection_upheld, published_at, version)
SELECT pg_temp.u('a9950000-0000-4000-a000-', i), 'a9910000-0000-4000-8000-000000002024',
       CASE WHEN i % 10 = 0 THEN 'REJECTED' ELSE 'APPROVED' END, i % 10 <> 0 AND i <= 22,
       CASE WHEN i % 10 = 0 THEN '经审核，项目建设内容与指南方向不符，不予立项。' END, 'dept', now() - interval '30 days',
       CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '25 days' END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '15 days' END, false, NULL,
       CASE WHEN i % 10 = 0 THEN 0 ELSE 2 END
FROM generate_series(1, :n) i;
COMMIT;
-- Freshly loaded tables, as autovacuum would leave them within a minute: visibility map set, statistics fresh.
VACUUM ANALYZE applications;
VACUUM ANALYZE application_team_members;
VACUUM ANALYZE application_budget_lines;
VACUUM ANALYZE approval_decisions;
VACUUM ANALYZE approval_rounds;
VACUUM ANALYZE review_assignments;
VACUUM ANALYZE review_scores;
VACUUM ANALYZE review_selected;
VACUUM ANALYZE review_selections;
VACUUM ANALYZE review_plans;
VACUUM ANALYZE guides;
VACUUM ANALYZE users;
VACUUM ANALYZE organizations;
VACUUM ANALYZE enterprises;
