-- The statistics benchmark's national programme (bench/statistics/run.sh), by SQL into a database the app migrated
-- (and whose demo profile made the demo batches and 'dept'):
--   3 batches ST-2024, ST-2025, ST-2026 (province JL, the 2024 notice's rules as JL-2024 holds them, 1,500 key places),
--   2,000 approved enterprises (credit report, one contact each), 1,500 universities (one admin each), 80,000 teachers,
--   5,000 experts (the department's pool); 50,000 guides (about 16,667 a batch: 92 % published, the rest revoked,
--   withdrawn, returned, draft, submitted); 200,000 applications to the published guides (70,000 in 2024 and 2025,
--   60,000 in 2026) over every status; 3 expert assignments per reviewed application with 1 criterion's score
--   (2 for every sixth guide): about 600,000 scores; the enterprises' selections; the department's decisions
--   (2024 and 2025 published, 2026's approval notice running now); about 100,000 projects (2024 and 2025) with their
--   cooperation agreements, payments (part confirmed, part short of the agreement after its due date), completions
--   (requested, consented, under acceptance, passed, failed, rectifying), acceptance experts and certificates.
-- Every row is what the app itself would write: the FKs, checks, unique indexes and NOT NULLs of the migrations hold.
-- Types, directions and industries come from the batch's own lists; money has two decimals.
-- The accounts stu000001-admin (university 1) and ste000001 (enterprise 1) sign in with dept's password.
\set ON_ERROR_STOP on
\timing off
SELECT clock_timestamp() AS bench_t0 \gset
BEGIN;
CREATE FUNCTION pg_temp.u(prefix text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE
  AS $$ SELECT (prefix || lpad(to_hex(n), 12, '0'))::uuid $$;
-- A stable pseudo-random number 0..999 for row n and purpose salt.
CREATE FUNCTION pg_temp.h(n bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE
  AS $$ SELECT ((hashint8(n * 977 + salt) % 1000 + 1000) % 1000)::int $$;
CREATE FUNCTION pg_temp.at(y int, md text) RETURNS timestamptz LANGUAGE sql IMMUTABLE
  AS $$ SELECT (y || '-' || md || '+08')::timestamptz $$;
CREATE TEMP TABLE bench_words (wi int PRIMARY KEY, city text, brand text, surname text, given text, kind text,
  region text, field text) ON COMMIT DROP;
INSERT INTO bench_words
SELECT wi, (ARRAY['长春','吉林','延边','四平','通化','白山','松原','白城','辽源','梅河口'])[wi],
       (ARRAY['智行','云图','启明','华信','恒瑞','博远','星河','中科','鼎盛','联创'])[wi],
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[wi],
       (ARRAY['建国','晓梅','伟','芳','志强','丽','明','静','磊','洋'])[wi],
       (ARRAY['课程建设','实践基地建设','师资培训','教学内容改革','创新创业教育','虚拟仿真实验','产教融合','新工科建设','教材建设','实验室建设'])[wi],
       (ARRAY['北方','东方','华北','西南','长江','黄河','海滨','长白山','草原','江南'])[wi],
       (ARRAY['理工','师范','医科','农业','财经','工业','交通','科技','外国语','艺术'])[wi]
FROM generate_series(1, 10) wi;

-- ------------------------------------------------------------------------------------------------ batches
-- b = 0, 1, 2 is the year 2024 + b; each has JL-2024's rules, a schedule in its own year, 1,500 key places.
INSERT INTO batches (id, code, title, batch_year, province_code, time_zone, guide_submission_opens,
  guide_submission_closes, application_opens, application_closes, review_closes, completion_due_months,
  min_enterprise_age_years, min_enterprise_cash, key_project_quota, notice_working_days, max_applications_per_teacher,
  max_projects_in_progress_per_teacher, experts_per_application, max_endorsements_per_enterprise,
  max_endorsements_per_enterprise_and_type, attachment_max_bytes, created_at, updated_at, version, agreement_due_days,
  max_extension_months, max_rectifications, overdue_blocks_applications)
SELECT pg_temp.u('57a70000-0000-4000-8000-', 2024 + b), 'ST-' || (2024 + b),
       (2024 + b) || '年全国产学合作协同育人项目（统计基准）', 2024 + b, 'JL', s.time_zone,
       pg_temp.at(2024 + b, '09-01 00:00'), pg_temp.at(2024 + b, '09-20 23:59:59'),
       pg_temp.at(2024 + b, '10-25 00:00'), pg_temp.at(2024 + b, '11-01 23:59:59'),
       pg_temp.at(2024 + b, '12-15 23:59:59'), s.completion_due_months, s.min_enterprise_age_years,
       s.min_enterprise_cash, 1500, s.notice_working_days, s.max_applications_per_teacher,
       s.max_projects_in_progress_per_teacher, s.experts_per_application, s.max_endorsements_per_enterprise,
       s.max_endorsements_per_enterprise_and_type, s.attachment_max_bytes, pg_temp.at(2024 + b, '08-15 09:00'),
       pg_temp.at(2024 + b, '08-15 09:00'), 1, s.agreement_due_days, s.max_extension_months, s.max_rectifications,
       s.overdue_blocks_applications
FROM generate_series(0, 2) b CROSS JOIN (SELECT * FROM batches WHERE code = 'JL-2024') s;
INSERT INTO batch_type_minimums (batch_id, project_type, amount)
SELECT pg_temp.u('57a70000-0000-4000-8000-', 2024 + b), project_type, amount FROM batch_type_minimums
CROSS JOIN generate_series(0, 2) b WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO batch_directions (batch_id, list_index, name)
SELECT pg_temp.u('57a70000-0000-4000-8000-', 2024 + b), list_index, name FROM batch_directions
CROSS JOIN generate_series(0, 2) b WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
INSERT INTO batch_industries (batch_id, list_index, name)
SELECT pg_temp.u('57a70000-0000-4000-8000-', 2024 + b), list_index, name FROM batch_industries
CROSS JOIN generate_series(0, 2) b WHERE batch_id = (SELECT id FROM batches WHERE code = 'JL-2024');
CREATE TEMP TABLE bench_lists ON COMMIT DROP AS
SELECT (SELECT array_agg(name ORDER BY list_index) FROM batch_directions d
         WHERE d.batch_id = (SELECT id FROM batches WHERE code = 'JL-2024')) AS directions,
       (SELECT array_agg(name ORDER BY list_index) FROM batch_industries d
         WHERE d.batch_id = (SELECT id FROM batches WHERE code = 'JL-2024')) AS industries;

-- ------------------------------------------------------------------------------------------------ organisations
INSERT INTO organizations (id, kind, name, code, status, created_at, version)
SELECT pg_temp.u('57a70000-0000-4000-a001-', x), 'UNIVERSITY', w1.region || w2.field || '大学' || x,
       'STU' || lpad(x::text, 6, '0'), 'ACTIVE', pg_temp.at(2024, '06-01 09:00'), 0
FROM generate_series(1, 1500) x
JOIN bench_words w1 ON w1.wi = 1 + x % 10 JOIN bench_words w2 ON w2.wi = 1 + (x / 10) % 10;
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('57a70000-0000-4000-a003-', x), 'stu' || lpad(x::text, 6, '0') || '-admin', '!bench-no-sign-in',
       '教务处' || x, 'UNIVERSITY_ADMIN', pg_temp.u('57a70000-0000-4000-a001-', x),
       'stu' || x || '@universities.example.com', '0431-88000000', NULL, true, false, pg_temp.at(2024, '06-01 09:00'), 0
FROM generate_series(1, 1500) x;

INSERT INTO organizations (id, kind, name, code, status, created_at, version)
SELECT pg_temp.u('57a70000-0000-4000-a002-', e), 'ENTERPRISE', w1.city || w2.brand || e || '科技有限公司',
       '91220101ST' || lpad(e::text, 8, '0'), 'ACTIVE', pg_temp.at(2024, '06-01 09:00'), 0
FROM generate_series(1, 2000) e
JOIN bench_words w1 ON w1.wi = 1 + e % 10 JOIN bench_words w2 ON w2.wi = 1 + (e / 10) % 10;
INSERT INTO enterprises (id, name, credit_code, legal_representative, founded_on, registered_capital, industry,
  address, description, contact_name, contact_phone, contact_email, status, submitted_at, reviewed_at, version)
SELECT o.id, o.name, o.code, w.surname || w.given, DATE '2005-01-01' + (e % 3000), 1000000 + (e % 50) * 200000.00,
       l.industries[1 + e % array_length(l.industries, 1)], w.city || '市高新区创新路 ' || e || ' 号',
       '面向高校开展产学合作协同育人的企业。', '联系人' || e, '0431-88000000', 'ste' || e || '@enterprises.example.com',
       'APPROVED', pg_temp.at(2024, '06-10 09:00'), pg_temp.at(2024, '06-20 09:00'), 1
FROM generate_series(1, 2000) e JOIN organizations o ON o.id = pg_temp.u('57a70000-0000-4000-a002-', e)
JOIN bench_words w ON w.wi = 1 + e % 10 CROSS JOIN bench_lists l;
INSERT INTO stored_files (id, sha256, size_bytes, media_type, original_name, created_at, created_by)
SELECT pg_temp.u('57a70000-0000-4000-a007-', e), encode(sha256(('st credit report ' || e)::bytea), 'hex'), 102400,
       'application/pdf', '信用报告.pdf', pg_temp.at(2024, '06-10 09:00'), 'ste' || lpad(e::text, 6, '0')
FROM generate_series(1, 2000) e;
INSERT INTO enterprise_documents (id, enterprise_id, kind, file_id, uploaded_at, uploaded_by)
SELECT pg_temp.u('57a70000-0000-4000-a008-', e), pg_temp.u('57a70000-0000-4000-a002-', e), 'CREDIT_REPORT',
       pg_temp.u('57a70000-0000-4000-a007-', e), pg_temp.at(2024, '06-10 09:00'), 'ste' || lpad(e::text, 6, '0')
FROM generate_series(1, 2000) e;
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('57a70000-0000-4000-a004-', e), 'ste' || lpad(e::text, 6, '0'), '!bench-no-sign-in', '联系人' || e,
       'ENTERPRISE_CONTACT', pg_temp.u('57a70000-0000-4000-a002-', e), 'ste' || e || '@enterprises.example.com',
       '0431-88000000', NULL, true, false, pg_temp.at(2024, '06-10 09:00'), 0
FROM generate_series(1, 2000) e;

-- Teachers: teacher t at university 1 + (t - 1) % 1500. Experts: the department's pool, affiliated to universities.
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('57a70000-0000-4000-a005-', t), 'stt' || lpad(t::text, 6, '0'), '!bench-no-sign-in',
       w1.surname || w2.given || t, 'TEACHER', pg_temp.u('57a70000-0000-4000-a001-', 1 + (t - 1) % 1500),
       'stt' || t || '@teachers.example.com', '13800000000', (ARRAY['教授','副教授','讲师'])[1 + t % 3], true, false,
       pg_temp.at(2024, '06-01 09:00'), 0
FROM generate_series(1, 80000) t
JOIN bench_words w1 ON w1.wi = 1 + t % 10 JOIN bench_words w2 ON w2.wi = 1 + (t / 10) % 10;
INSERT INTO users (id, username, password_hash, display_name, role, organization_id, email, phone, title, enabled,
  password_change_required, created_at, version)
SELECT pg_temp.u('57a70000-0000-4000-a006-', x), 'stx' || lpad(x::text, 6, '0'), '!bench-no-sign-in', '专家' || x,
       'EXPERT', pg_temp.u('57a70000-0000-4000-a001-', 1 + (x * 7) % 1500), 'stx' || x || '@experts.example.com',
       NULL, '教授', true, false, pg_temp.at(2024, '06-01 09:00'), 0
FROM generate_series(1, 5000) x;
INSERT INTO experts (id, owner_id, affiliation_id, affiliation_name, fields, version)
SELECT u.id, '00000000-0000-0000-0000-000000000001', u.organization_id, o.name, '人工智能,智能制造', 0
FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.username LIKE 'stx%';

-- The benchmark's three sign-ins (run.sh): dept, a university admin and an enterprise contact, with dept's password.
UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'dept')
WHERE username IN ('stu000001-admin', 'ste000001') AND EXISTS (SELECT 1 FROM users WHERE username = 'dept');

-- ------------------------------------------------------------------------------------------------ guides
-- Guide g is in batch b = (g - 1) % 3, of enterprise 1 + ((g - 1) / 3) % 2000; PRACTICE_BASE guides offer
-- hardware/software, the others cash (each above its type's minimum); 5 to 8 projects each.
CREATE TEMP TABLE bench_guides ON COMMIT DROP AS
SELECT g, (g - 1) % 3 AS b, 1 + ((g - 1) / 3) % 2000 AS e,
       (ARRAY['NEW_DISCIPLINES','CURRICULUM','TEACHER_TRAINING','PRACTICE_BASE','INNOVATION_EDUCATION','INNOVATION_FUND'])[1 + (g / 3) % 6] AS project_type,
       CASE WHEN pg_temp.h(g, 1) < 920 THEN 'PUBLISHED' WHEN pg_temp.h(g, 1) < 940 THEN 'REVOKED'
            WHEN pg_temp.h(g, 1) < 960 THEN 'WITHDRAWN' WHEN pg_temp.h(g, 1) < 980 THEN 'RETURNED'
            WHEN pg_temp.h(g, 1) < 990 THEN 'DRAFT' ELSE 'SUBMITTED' END AS status
FROM generate_series(1, 50000) g;
INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, industry, description,
  requirements, projects_offered, cash_per_project, hardware_software_per_project, contact_name, contact_phone,
  contact_email, status, return_reason, revoke_reason, search_text, created_at, updated_at, submitted_at, reviewed_at,
  published_at, version)
SELECT pg_temp.u('57a70000-0000-4000-b001-', g.g), pg_temp.u('57a70000-0000-4000-8000-', 2024 + g.b), o.id, o.name,
       g.project_type, x.title, x.direction, x.industry,
       '面向本科教学的校企合作项目，企业提供经费、师资与平台，支持课程、教材与案例建设。', '申报教师须具有相关教学经历。',
       5 + g.g % 4,
       CASE WHEN g.project_type = 'PRACTICE_BASE' THEN 0 ELSE 20000 + (g.g % 31) * 1000 + (g.g % 4) * 250.50 END,
       CASE WHEN g.project_type = 'PRACTICE_BASE' THEN 50000 + (g.g % 20) * 5000 ELSE 0 END,
       '联系人' || g.e, '0431-88000000', 'ste' || g.e || '@enterprises.example.com', g.status,
       CASE WHEN g.status = 'RETURNED' THEN '请补充经费使用计划。' END,
       CASE WHEN g.status = 'REVOKED' THEN '企业申请撤销。' END,
       lower(x.title || ' ' || o.name || ' 面向本科教学的校企合作项目，企业提供经费、师资与平台，支持课程、教材与案例建设。'),
       pg_temp.at(2024 + g.b, '09-02 10:00') + (g.g % 300) * interval '1 hour',
       pg_temp.at(2024 + g.b, '10-10 10:00'),
       CASE WHEN g.status <> 'DRAFT' THEN pg_temp.at(2024 + g.b, '09-15 10:00') END,
       CASE WHEN g.status IN ('PUBLISHED', 'REVOKED', 'RETURNED') THEN pg_temp.at(2024 + g.b, '09-25 10:00') END,
       CASE WHEN g.status IN ('PUBLISHED', 'REVOKED') THEN pg_temp.at(2024 + g.b, '10-10 10:00') END, 3
FROM bench_guides g JOIN organizations o ON o.id = pg_temp.u('57a70000-0000-4000-a002-', g.e)
CROSS JOIN bench_lists l
JOIN bench_words w ON w.wi = 1 + g.g % 10
CROSS JOIN LATERAL (SELECT l.directions[1 + g.g % array_length(l.directions, 1)] AS direction,
  l.industries[1 + (g.g / 7) % array_length(l.industries, 1)] AS industry,
  l.directions[1 + g.g % array_length(l.directions, 1)] || w.kind || '项目指南（' || g.g || '）' AS title) x;
-- The published guides of each batch, numbered 0.. in it: the applications go to them.
CREATE TEMP TABLE bench_pub ON COMMIT DROP AS
SELECT b, (row_number() OVER (PARTITION BY b ORDER BY g) - 1)::int AS k, g FROM bench_guides WHERE status = 'PUBLISHED';
CREATE INDEX ON bench_pub (b, k);
CREATE TEMP TABLE bench_pub_count ON COMMIT DROP AS SELECT b, count(*)::int AS n FROM bench_pub GROUP BY b;

-- ------------------------------------------------------------------------------------------------ applications
-- Application i: batch b (70,000 in 2024, 70,000 in 2025, 60,000 in 2026), j-th in it, to the batch's published
-- guide (j - 1) % n, led by teacher 1 + (j - 1 + 7919 b) % 80000 (one application a teacher a batch). Its status by
-- pm = h(i) per mille: 2024 and 2025 are published (approved 71.5 %), 2026 waits under its approval notice.
CREATE TEMP TABLE bench_apps ON COMMIT DROP AS
SELECT s.i, s.b, jj.j, s.pm, p.g,
       CASE WHEN s.b < 2 THEN
         CASE WHEN s.pm < 715 THEN 'APPROVED' WHEN s.pm < 775 THEN 'REJECTED' WHEN s.pm < 875 THEN 'NOT_SELECTED'
              WHEN s.pm < 905 THEN 'WITHDRAWN' WHEN s.pm < 935 THEN 'DRAFT' WHEN s.pm < 955 THEN 'RETURNED'
              WHEN s.pm < 970 THEN 'SUBMITTED' WHEN s.pm < 985 THEN 'ENDORSED' ELSE 'UNDER_REVIEW' END
       ELSE
         CASE WHEN s.pm < 600 THEN 'RECOMMENDED' WHEN s.pm < 640 THEN 'SELECTED' WHEN s.pm < 780 THEN 'NOT_SELECTED'
              WHEN s.pm < 820 THEN 'WITHDRAWN' WHEN s.pm < 860 THEN 'DRAFT' WHEN s.pm < 890 THEN 'RETURNED'
              WHEN s.pm < 930 THEN 'SUBMITTED' WHEN s.pm < 965 THEN 'ENDORSED' ELSE 'UNDER_REVIEW' END
       END AS status,
       1 + (jj.j - 1 + 7919 * s.b) % 80000 AS t
FROM (SELECT i, CASE WHEN i <= 70000 THEN 0 WHEN i <= 140000 THEN 1 ELSE 2 END AS b, pg_temp.h(i, 2) AS pm
      FROM generate_series(1, 200000) i) s
CROSS JOIN LATERAL (SELECT s.i - CASE s.b WHEN 0 THEN 0 WHEN 1 THEN 70000 ELSE 140000 END AS j) jj
JOIN bench_pub_count c ON c.b = s.b
JOIN bench_pub p ON p.b = s.b AND p.k = (jj.j - 1) % c.n;
ALTER TABLE bench_apps ADD PRIMARY KEY (i);
-- Reached the review (experts assigned); reached the enterprise's selection.
ALTER TABLE bench_apps ADD COLUMN reviewed boolean, ADD COLUMN selected boolean, ADD COLUMN submitted boolean,
  ADD COLUMN endorsed boolean;
UPDATE bench_apps SET
  reviewed = status IN ('UNDER_REVIEW', 'SELECTED', 'NOT_SELECTED', 'RECOMMENDED', 'APPROVED', 'REJECTED'),
  selected = status IN ('SELECTED', 'RECOMMENDED', 'APPROVED', 'REJECTED'),
  submitted = status <> 'DRAFT' AND NOT (status = 'WITHDRAWN' AND pm % 2 = 0),
  endorsed = status NOT IN ('DRAFT', 'RETURNED', 'SUBMITTED', 'WITHDRAWN');

INSERT INTO applications (id, application_number, batch_id, batch_year, guide_id, guide_title, enterprise_id,
  enterprise_name, project_type, leader_id, leader_name, university_id, university_name, title, summary, plan,
  expected_outcomes, budget_total, status, return_reason, withdraw_reason, submission_count, search_text, created_at,
  updated_at, submitted_at, endorsed_at, version, live_guide_id)
SELECT pg_temp.u('57a70000-0000-4000-b002-', a.i),
       CASE WHEN a.submitted THEN 'ST-' || (2024 + a.b) || '-' || lpad(a.j::text, 6, '0') END,
       g.batch_id, 2024 + a.b, g.id, g.title, g.enterprise_id, g.enterprise_name, g.project_type,
       t.id, t.display_name, uo.id, uo.name, x.title,
       '项目摘要：面向本科教学，结合企业真实场景建设课程与实践环境。', '建设计划：第一年完成课程设计，第二年完成实践与推广。',
       '预期成果：课程一门、教材一部、案例库一套。', g.cash_per_project, a.status,
       CASE WHEN a.status = 'RETURNED' THEN '申报书未加盖学校公章，请补充后重新提交。' END,
       CASE WHEN a.status = 'WITHDRAWN' THEN '教师本人申请撤回。' END,
       CASE WHEN a.submitted THEN 1 + a.pm % 2 ELSE 0 END,
       lower(x.title || ' ' || g.title || ' ' || g.enterprise_name || ' ' || t.display_name || ' ' || uo.name),
       pg_temp.at(2024 + a.b, '10-26 09:00') + (a.j % 100) * interval '1 hour',
       pg_temp.at(2024 + a.b, '11-20 09:00'),
       CASE WHEN a.submitted THEN pg_temp.at(2024 + a.b, '10-30 09:00') + (a.j % 48) * interval '1 hour' END,
       CASE WHEN a.endorsed THEN pg_temp.at(2024 + a.b, '11-05 09:00') END, 4,
       CASE WHEN a.status <> 'WITHDRAWN' THEN g.id END
FROM bench_apps a
JOIN guides g ON g.id = pg_temp.u('57a70000-0000-4000-b001-', a.g)
JOIN users t ON t.id = pg_temp.u('57a70000-0000-4000-a005-', a.t)
JOIN organizations uo ON uo.id = t.organization_id
JOIN bench_words w ON w.wi = 1 + a.i % 10 JOIN bench_words w2 ON w2.wi = 1 + (a.i / 10) % 10
CROSS JOIN LATERAL (SELECT w.kind || '与' || w2.kind || '研究与实践（' || a.i || '）' AS title) x;
INSERT INTO application_team_members (application_id, member_index, name, title, organization, member_role)
SELECT a.id, 0, '成员' || right(a.id::text, 5), '讲师', a.university_name, '课程设计'
FROM applications a WHERE a.batch_id IN (SELECT id FROM batches WHERE code LIKE 'ST-%');
INSERT INTO application_budget_lines (application_id, line_index, category, amount)
SELECT a.id, l, CASE l WHEN 0 THEN '课程建设' ELSE '实践环境' END,
       CASE l WHEN 0 THEN round(a.budget_total * 0.6, 2) ELSE a.budget_total - round(a.budget_total * 0.6, 2) END
FROM applications a CROSS JOIN generate_series(0, 1) l
WHERE a.batch_id IN (SELECT id FROM batches WHERE code LIKE 'ST-%');

-- ------------------------------------------------------------------------------------------------ reviews
-- A plan per published guide (3 experts; one criterion, two for every sixth guide), 3 assignments per reviewed
-- application (all submitted, except under review: one submitted, one accepted, one assigned), scores of the
-- submitted ones, and each guide's selection CLOSED with the applications that reached it.
INSERT INTO review_plans (guide_id, batch_id, enterprise_id, experts_per_application, scoring_deadline,
  disagreement_margin, max_per_expert, updated_at, version)
SELECT g.id, g.batch_id, g.enterprise_id, 3, pg_temp.at(2024 + p.b, '11-25 23:59'), 15.00, 1000,
       pg_temp.at(2024 + p.b, '11-08 09:00'), 1
FROM bench_pub p JOIN guides g ON g.id = pg_temp.u('57a70000-0000-4000-b001-', p.g);
INSERT INTO review_criteria (guide_id, criterion_index, name, weight, max_score)
SELECT g.id, c, CASE WHEN p.g % 6 <> 0 THEN '综合评价' WHEN c = 0 THEN '教学设计' ELSE '可行性' END,
       CASE WHEN p.g % 6 <> 0 THEN 100 WHEN c = 0 THEN 60 ELSE 40 END, 100
FROM bench_pub p JOIN guides g ON g.id = pg_temp.u('57a70000-0000-4000-b001-', p.g)
CROSS JOIN generate_series(0, 1) c WHERE c = 0 OR p.g % 6 = 0;
INSERT INTO review_assignments (id, application_id, guide_id, batch_id, enterprise_id, expert_id, status,
  decline_reason, no_conflict_confirmed_at, comment, assigned_by, assigned_at, submitted_at, updated_at, version)
SELECT pg_temp.u('57a70000-0000-4000-b003-', a.i * 3 + k), pg_temp.u('57a70000-0000-4000-b002-', a.i),
       pg_temp.u('57a70000-0000-4000-b001-', a.g), pg_temp.u('57a70000-0000-4000-8000-', 2024 + a.b),
       pg_temp.u('57a70000-0000-4000-a002-', 1 + ((a.g - 1) / 3) % 2000),
       pg_temp.u('57a70000-0000-4000-a006-', 1 + (a.i * 3 + k) % 5000), s.status, NULL,
       CASE WHEN s.status <> 'ASSIGNED' THEN pg_temp.at(2024 + a.b, '11-12 09:00') END,
       CASE WHEN s.status = 'SUBMITTED' THEN '方案可行，建议支持。' END,
       'ste' || lpad((1 + ((a.g - 1) / 3) % 2000)::text, 6, '0'), pg_temp.at(2024 + a.b, '11-10 09:00'),
       CASE WHEN s.status = 'SUBMITTED' THEN pg_temp.at(2024 + a.b, '11-20 09:00') END,
       pg_temp.at(2024 + a.b, '11-20 09:00'), 2
FROM bench_apps a CROSS JOIN generate_series(0, 2) k
CROSS JOIN LATERAL (SELECT CASE WHEN a.status <> 'UNDER_REVIEW' OR k = 0 THEN 'SUBMITTED' WHEN k = 1 THEN 'ACCEPTED'
  ELSE 'ASSIGNED' END AS status) s
WHERE a.reviewed;
INSERT INTO review_scores (assignment_id, criterion, score)
SELECT r.id, c.name, 60 + pg_temp.h(hashtext(r.id::text || c.name), 3) % 40
                     + (pg_temp.h(hashtext(r.id::text), 4) % 4) * 0.25
FROM review_assignments r JOIN review_criteria c ON c.guide_id = r.guide_id
WHERE r.batch_id IN (SELECT id FROM batches WHERE code LIKE 'ST-%') AND r.status = 'SUBMITTED';
INSERT INTO review_selections (guide_id, batch_id, enterprise_id, state, reason, reopened_reason, selected_at, version)
SELECT g.id, g.batch_id, g.enterprise_id, 'CLOSED', NULL, NULL, pg_temp.at(2024 + p.b, '11-25 09:00'), 3
FROM bench_pub p JOIN guides g ON g.id = pg_temp.u('57a70000-0000-4000-b001-', p.g);
INSERT INTO review_selected (guide_id, application_id, rank_at_selection)
SELECT pg_temp.u('57a70000-0000-4000-b001-', g), pg_temp.u('57a70000-0000-4000-b002-', i),
       row_number() OVER (PARTITION BY g ORDER BY i)
FROM bench_apps WHERE selected;

-- ------------------------------------------------------------------------------------------------ decisions
-- The department's round per batch and its decisions: 2024 and 2025 published on 12-18; 2026's approvals under
-- the notice opened on 2026-12-03 (not closed), 40 of its recommended applications not yet decided. Key: pm < 20.
INSERT INTO approval_rounds (batch_id, last_published_at, published_count, version)
SELECT pg_temp.u('57a70000-0000-4000-8000-', 2024 + r.b), CASE WHEN r.b < 2 THEN pg_temp.at(2024 + r.b, '12-18 10:00') END,
       CASE WHEN r.b < 2 THEN (SELECT count(*) FROM bench_apps a WHERE a.b = r.b AND a.status = 'APPROVED') ELSE 0 END,
       1
FROM generate_series(0, 2) AS r(b);
INSERT INTO approval_decisions (application_id, batch_id, outcome, key_project, reason, decided_by, decided_at,
  noticed_at, notice_closed_at, objection_upheld, published_at, version)
SELECT pg_temp.u('57a70000-0000-4000-b002-', a.i), pg_temp.u('57a70000-0000-4000-8000-', 2024 + a.b), d.outcome,
       d.outcome = 'APPROVED' AND a.pm < 20,
       CASE WHEN d.outcome = 'REJECTED' THEN '经审核，项目建设内容与指南方向不符，不予立项。' END, 'dept',
       pg_temp.at(2024 + a.b, '12-01 10:00'),
       CASE WHEN d.outcome = 'APPROVED' THEN pg_temp.at(2024 + a.b, '12-03 10:00') END,
       CASE WHEN d.outcome = 'APPROVED' AND a.b < 2 THEN pg_temp.at(2024 + a.b, '12-10 18:00') END, false,
       CASE WHEN a.b < 2 THEN pg_temp.at(2024 + a.b, '12-18 10:00') END, 2
FROM bench_apps a
CROSS JOIN LATERAL (SELECT CASE WHEN a.status = 'APPROVED' OR (a.status = 'RECOMMENDED' AND a.pm < 520) THEN 'APPROVED'
  WHEN a.status = 'REJECTED' OR (a.status = 'RECOMMENDED' AND a.pm < 560) THEN 'REJECTED' END AS outcome) d
WHERE d.outcome IS NOT NULL;

-- ------------------------------------------------------------------------------------------------ projects
-- The approved applications of 2024 and 2025, numbered <year>-JL-NNNN after whatever the prefix holds already.
INSERT INTO project_number_prefixes (prefix, last_sequence) VALUES ('2024-JL', 0), ('2025-JL', 0)
ON CONFLICT (prefix) DO NOTHING;
CREATE TEMP TABLE bench_projects ON COMMIT DROP AS
SELECT a.i, a.b, a.pm, pg_temp.h(a.i, 5) AS ps,
       (SELECT last_sequence FROM project_number_prefixes WHERE prefix = (2024 + a.b) || '-JL')
         + row_number() OVER (PARTITION BY a.b ORDER BY a.j) AS seq
FROM bench_apps a WHERE a.status = 'APPROVED';
ALTER TABLE bench_projects ADD PRIMARY KEY (i);
-- Where each project stands: 2024's mostly finished (its end dates passed), 2025's mostly running.
ALTER TABLE bench_projects ADD COLUMN status text, ADD COLUMN agreement text, ADD COLUMN months int;
UPDATE bench_projects SET months = CASE WHEN ps % 2 = 0 THEN 12 ELSE 18 END, status = CASE WHEN b = 0 THEN
    CASE WHEN ps < 700 THEN 'COMPLETED' WHEN ps < 750 THEN 'FAILED' WHEN ps < 780 THEN 'TERMINATED'
         WHEN ps < 840 THEN 'IN_PROGRESS' WHEN ps < 870 THEN 'RECTIFYING' WHEN ps < 920 THEN 'UNDER_ACCEPTANCE'
         WHEN ps < 960 THEN 'COMPLETION_CONSENTED' ELSE 'COMPLETION_REQUESTED' END
  ELSE
    CASE WHEN ps < 60 THEN 'APPROVED' WHEN ps < 80 THEN 'TERMINATED' WHEN ps < 870 THEN 'IN_PROGRESS'
         WHEN ps < 940 THEN 'COMPLETION_REQUESTED' WHEN ps < 970 THEN 'COMPLETION_CONSENTED'
         WHEN ps < 990 THEN 'UNDER_ACCEPTANCE' ELSE 'COMPLETED' END
  END;
UPDATE bench_projects SET agreement = CASE WHEN status <> 'APPROVED' THEN 'CONFIRMED' WHEN ps < 20 THEN NULL
  WHEN ps < 40 THEN 'SUBMITTED' ELSE 'CHECKED' END;
INSERT INTO projects (id, project_number, batch_id, number_prefix, number_sequence, application_id, application_number,
  guide_id, guide_title, enterprise_id, enterprise_name, university_id, university_name, leader_id, leader_name, title,
  project_type, cash, hardware_software, key_project, status, search_text, approved_at, updated_at, version, ends_on,
  agreement_due_on, rectified)
SELECT pg_temp.u('57a70000-0000-4000-b004-', p.i), x.number, a.batch_id, (2024 + p.b) || '-JL', p.seq, a.id,
       a.application_number, a.guide_id, a.guide_title, a.enterprise_id, a.enterprise_name, a.university_id,
       a.university_name, a.leader_id, a.leader_name, a.title, a.project_type, g.cash_per_project,
       g.hardware_software_per_project, d.key_project, p.status,
       lower(x.number || ' ' || a.title || ' ' || a.leader_name || ' ' || a.university_name || ' '
             || a.enterprise_name || ' ' || a.guide_title),
       pg_temp.at(2024 + p.b, '12-18 10:00'), pg_temp.at(2024 + p.b, '12-18 10:00') + interval '200 days', 5,
       CASE WHEN p.agreement = 'CONFIRMED' THEN make_date(2025 + p.b, 1, 1) + make_interval(months => p.months) END,
       (pg_temp.at(2024 + p.b, '12-18 10:00') AT TIME ZONE 'Asia/Shanghai')::date + 30,
       p.status = 'RECTIFYING'
FROM bench_projects p
JOIN applications a ON a.id = pg_temp.u('57a70000-0000-4000-b002-', p.i)
JOIN approval_decisions d ON d.application_id = a.id
JOIN guides g ON g.id = a.guide_id
CROSS JOIN LATERAL (SELECT (2024 + p.b) || '-JL-' || CASE WHEN p.seq < 10000 THEN lpad(p.seq::text, 4, '0')
  ELSE p.seq::text END AS number) x;
UPDATE project_number_prefixes n SET last_sequence = m.seq
FROM (SELECT (2024 + b) || '-JL' AS prefix, max(seq) AS seq FROM bench_projects GROUP BY b) m
WHERE n.prefix = m.prefix;

-- Agreements: the signed copy's file, the project's terms; funds due three months after the start.
INSERT INTO stored_files (id, sha256, size_bytes, media_type, original_name, created_at, created_by)
SELECT pg_temp.u('57a70000-0000-4000-a009-', p.i), encode(sha256(('st agreement ' || p.i)::bytea), 'hex'), 204800,
       'application/pdf', '合作协议.pdf', pg_temp.at(2025 + p.b, '01-05 10:00'), 'stt'
FROM bench_projects p WHERE p.agreement IS NOT NULL;
INSERT INTO project_agreements (project_id, cash_total, hardware_software_total, starts_on, ends_on, deliverables,
  ip_ownership, funds_due_on, file_id, status, return_reason, submitted_by, submitted_at, checked_by, checked_at,
  confirmed_by, confirmed_at, version)
SELECT pr.id, pr.cash, pr.hardware_software, make_date(2025 + p.b, 1, 1),
       make_date(2025 + p.b, 1, 1) + make_interval(months => p.months), '课程一门、教材一部、案例库一套。',
       (ARRAY['UNIVERSITY','ENTERPRISE','JOINT','AS_AGREED'])[1 + p.ps % 4], make_date(2025 + p.b, 4, 1),
       pg_temp.u('57a70000-0000-4000-a009-', p.i), p.agreement, NULL, 'leader', pg_temp.at(2025 + p.b, '01-05 10:00'),
       CASE WHEN p.agreement <> 'SUBMITTED' THEN 'university' END,
       CASE WHEN p.agreement <> 'SUBMITTED' THEN pg_temp.at(2025 + p.b, '01-08 10:00') END,
       CASE WHEN p.agreement = 'CONFIRMED' THEN 'enterprise' END,
       CASE WHEN p.agreement = 'CONFIRMED' THEN pg_temp.at(2025 + p.b, '01-10 10:00') END, 3
FROM bench_projects p JOIN projects pr ON pr.id = pg_temp.u('57a70000-0000-4000-b004-', p.i)
WHERE p.agreement IS NOT NULL;

-- Payments of the confirmed agreements: cash in two halves (the second missing for about a third of 2025's running
-- projects and of 2024's overdue ones: short after the due date), hardware/software in one delivery; about 85 %
-- confirmed by the university.
INSERT INTO project_disbursements (id, project_id, kind, amount, paid_on, reference, voucher_file_id, recorded_by,
  recorded_at, confirmed_by, confirmed_at, version)
SELECT pg_temp.u('57a70000-0000-4000-b005-', p.i * 3 + n), pr.id, m.kind, m.amount,
       make_date(2025 + p.b, 2, 1) + n * 60 + p.ps % 20, '银行转账 ' || pr.project_number || '-' || n, NULL, 'enterprise',
       pg_temp.at(2025 + p.b, '02-01 10:00') + (n * 60 + p.ps % 20) * interval '1 day',
       CASE WHEN pg_temp.h(p.i * 3 + n, 6) < 850 THEN 'university' END,
       CASE WHEN pg_temp.h(p.i * 3 + n, 6) < 850 THEN pg_temp.at(2025 + p.b, '02-10 10:00')
         + (n * 60 + p.ps % 20) * interval '1 day' END, 1
FROM bench_projects p JOIN projects pr ON pr.id = pg_temp.u('57a70000-0000-4000-b004-', p.i)
CROSS JOIN generate_series(0, 2) n
CROSS JOIN LATERAL (SELECT CASE WHEN n < 2 THEN 'CASH' ELSE 'HARDWARE_SOFTWARE' END AS kind,
  CASE n WHEN 0 THEN round(pr.cash / 2, 2) WHEN 1 THEN pr.cash - round(pr.cash / 2, 2) ELSE pr.hardware_software END
  AS amount) m
WHERE p.agreement = 'CONFIRMED' AND m.amount > 0
  AND NOT (n = 1 AND p.status IN ('IN_PROGRESS', 'TERMINATED') AND p.ps % 3 = 0);

-- Completions: requested, consented, under acceptance (half of them passed and noticed), passed and published
-- (with a certificate), failed, rectifying; one outcome and one line of fund use each; two acceptance experts.
INSERT INTO project_completions (project_id, report, attempt, submitted_at, return_reason, consented_at, conclusion,
  conclusion_comment, concluded_at, noticed_at, notice_closed_at, objection_upheld, published_at, version)
SELECT pg_temp.u('57a70000-0000-4000-b004-', p.i), '项目按协议完成建设，成果已在教学中应用。', 1, c.t0, NULL,
       CASE WHEN p.status <> 'COMPLETION_REQUESTED' THEN c.t0 + interval '5 days' END,
       CASE WHEN p.status = 'COMPLETED' OR (p.status = 'UNDER_ACCEPTANCE' AND p.ps % 2 = 0) THEN 'PASS'
            WHEN p.status = 'FAILED' THEN 'FAIL' END,
       CASE WHEN p.status IN ('COMPLETED', 'FAILED', 'RECTIFYING') OR (p.status = 'UNDER_ACCEPTANCE' AND p.ps % 2 = 0)
            THEN CASE p.status WHEN 'FAILED' THEN '未达到协议约定的建设目标。' WHEN 'RECTIFYING' THEN '案例库需补充，限期整改。'
              ELSE '达到协议约定的建设目标，同意结项。' END END,
       CASE WHEN p.status IN ('COMPLETED', 'FAILED', 'RECTIFYING') OR (p.status = 'UNDER_ACCEPTANCE' AND p.ps % 2 = 0)
            THEN c.t0 + interval '20 days' END,
       CASE WHEN p.status = 'COMPLETED' OR (p.status = 'UNDER_ACCEPTANCE' AND p.ps % 2 = 0) THEN c.t0 + interval '25 days' END,
       CASE WHEN p.status = 'COMPLETED' THEN c.t0 + interval '35 days' END, false,
       CASE WHEN p.status = 'COMPLETED' THEN c.t0 + interval '40 days' END, 4
FROM bench_projects p
CROSS JOIN LATERAL (SELECT CASE WHEN p.b = 0 THEN pg_temp.at(2026, '03-01 10:00') + (p.ps % 150) * interval '1 day'
  ELSE pg_temp.at(2026, '10-01 10:00') + (p.ps % 20) * interval '1 day' END AS t0) c
WHERE p.status IN ('COMPLETION_REQUESTED', 'COMPLETION_CONSENTED', 'UNDER_ACCEPTANCE', 'COMPLETED', 'FAILED',
  'RECTIFYING');
INSERT INTO project_outcomes (project_id, outcome_index, kind, title, description, file_id)
SELECT c.project_id, 0, (ARRAY['COURSE','TEXTBOOK','CASE','PAPER','PATENT','OTHER'])[1 + pg_temp.h(p.i, 7) % 6],
       '建设成果', '课程、教材与案例。', NULL
FROM project_completions c JOIN bench_projects p ON c.project_id = pg_temp.u('57a70000-0000-4000-b004-', p.i);
INSERT INTO project_fund_usage (project_id, line_index, category, amount)
SELECT c.project_id, 0, '课程与实践环境建设', a.cash_total
FROM project_completions c JOIN project_agreements a ON a.project_id = c.project_id
JOIN bench_projects p ON c.project_id = pg_temp.u('57a70000-0000-4000-b004-', p.i);
INSERT INTO acceptance_assignments (id, project_id, attempt, expert_id, conclusion, comment, assigned_by, assigned_at,
  concluded_at)
SELECT pg_temp.u('57a70000-0000-4000-b006-', p.i * 2 + k), c.project_id, 1,
       pg_temp.u('57a70000-0000-4000-a006-', 1 + (p.i * 2 + k) % 5000),
       CASE WHEN c.concluded_at IS NOT NULL THEN coalesce(c.conclusion, 'RECTIFY') END, c.conclusion_comment,
       'enterprise', c.consented_at + interval '2 days', c.concluded_at - interval '1 day'
FROM project_completions c JOIN bench_projects p ON c.project_id = pg_temp.u('57a70000-0000-4000-b004-', p.i)
CROSS JOIN generate_series(0, 1) k
WHERE p.status IN ('UNDER_ACCEPTANCE', 'COMPLETED', 'FAILED', 'RECTIFYING');
INSERT INTO completion_certificates (project_id, certificate_number, verification_code, issued_at)
SELECT pr.id, 'JX-' || pr.project_number, upper(substr(md5('st certificate ' || p.i), 1, 10)), c.published_at
FROM bench_projects p JOIN projects pr ON pr.id = pg_temp.u('57a70000-0000-4000-b004-', p.i)
JOIN project_completions c ON c.project_id = pr.id
WHERE p.status = 'COMPLETED';
COMMIT;

SELECT round(extract(epoch FROM clock_timestamp() - :'bench_t0'::timestamptz), 1) AS bench_load_s \gset
-- Freshly loaded tables, as autovacuum would leave them within a minute: visibility map set, statistics fresh.
VACUUM ANALYZE organizations;
VACUUM ANALYZE enterprises;
VACUUM ANALYZE users;
VACUUM ANALYZE experts;
VACUUM ANALYZE guides;
VACUUM ANALYZE applications;
VACUUM ANALYZE application_team_members;
VACUUM ANALYZE application_budget_lines;
VACUUM ANALYZE review_plans;
VACUUM ANALYZE review_criteria;
VACUUM ANALYZE review_assignments;
VACUUM ANALYZE review_scores;
VACUUM ANALYZE review_selections;
VACUUM ANALYZE review_selected;
VACUUM ANALYZE approval_rounds;
VACUUM ANALYZE approval_decisions;
VACUUM ANALYZE projects;
VACUUM ANALYZE project_agreements;
VACUUM ANALYZE project_disbursements;
VACUUM ANALYZE project_completions;
VACUUM ANALYZE project_outcomes;
VACUUM ANALYZE project_fund_usage;
VACUUM ANALYZE acceptance_assignments;
VACUUM ANALYZE completion_certificates;
VACUUM ANALYZE stored_files;
SELECT round(extract(epoch FROM clock_timestamp() - :'bench_t0'::timestamptz), 1) AS bench_total_s \gset
\echo Loaded in :bench_load_s s (one transaction), :bench_total_s s with VACUUM ANALYZE
