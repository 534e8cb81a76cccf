-- 2,000 enterprises and 50,000 published guides for the catalogue benchmark, in batch :'batch'.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO organizations (id, kind, name, code, status, created_at, version)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'ENTERPRISE', '基准测试企业' || g,
       'B' || lpad(g::text, 17, '0'), 'ACTIVE', now(), 0
FROM generate_series(1, 2000) g;

INSERT INTO enterprises (id, name, credit_code, legal_representative, founded_on, registered_capital, industry,
  address, description, contact_name, contact_phone, contact_email, status, submitted_at, reviewed_at, version)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '基准测试企业' || g, 'B' || lpad(g::text, 17, '0'),
       '法人' || g, DATE '2010-01-01', 10000000, '人工智能', '长春市', '基准测试企业', '联系人', '0431-88000000',
       'bench@example.com', 'APPROVED', now(), now(), 0
FROM generate_series(1, 2000) g;

INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, industry, description,
  requirements, projects_offered, cash_per_project, hardware_software_per_project, contact_name, contact_phone,
  contact_email, status, search_text, created_at, updated_at, submitted_at, reviewed_at, published_at, version)
SELECT gen_random_uuid(), :'batch'::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + g % 2000), 12, '0'))::uuid,
       '基准测试企业' || (1 + g % 2000),
       (ARRAY['NEW_DISCIPLINES','CURRICULUM','TEACHER_TRAINING','PRACTICE_BASE','INNOVATION_EDUCATION','INNOVATION_FUND'])[1 + g % 6],
       (ARRAY['人工智能','数字经济','机器人与装备制造','新能源','智能农业','智能医学','新文科'])[1 + g % 7] || '方向的课程与实践项目 ' || g,
       (ARRAY['人工智能','数字经济','机器人与装备制造','新能源','智能农业','智能医学','新文科'])[1 + g % 7],
       (ARRAY['汽车','冰雪','医药健康','光电信息','人工智能','生态环保(新能源)','碳纤维(化工新材料)','文化旅游','现代农业','休闲康养','智能制造','电子商务','乡村振兴'])[1 + g % 13],
       '面向本科教学的校企合作项目，企业提供经费、师资与平台，支持课程、教材与案例建设。编号 ' || g,
       '申报教师须具有相关教学经历。', 1 + g % 5,
       CASE WHEN g % 6 = 3 THEN 0 ELSE 20000 + (g % 50) * 1000 END,
       CASE WHEN g % 6 = 3 THEN 50000 + (g % 20) * 5000 ELSE 0 END,
       '联系人', '0431-88000000', 'bench@example.com', 'PUBLISHED',
       lower((ARRAY['人工智能','数字经济','机器人与装备制造','新能源','智能农业','智能医学','新文科'])[1 + g % 7]
             || '方向的课程与实践项目 ' || g || ' 基准测试企业' || (1 + g % 2000)
             || ' 面向本科教学的校企合作项目，企业提供经费、师资与平台，支持课程、教材与案例建设。编号 ' || g),
       now() - g * interval '1 second', now(), now(), now(), now(), 0
FROM generate_series(1, 50000) g;
COMMIT;
-- A freshly loaded table, as autovacuum would leave it within a minute: visibility map set, statistics fresh.
VACUUM ANALYZE guides;
VACUUM ANALYZE enterprises;
