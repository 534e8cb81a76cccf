-- What bench/statistics/load.sql loaded, per batch, and the rules the app would have held (each check prints 0).
\pset footer off
SELECT b.code AS batch,
       (SELECT count(*) FROM guides g WHERE g.batch_id = b.id) AS guides,
       (SELECT count(*) FROM guides g WHERE g.batch_id = b.id AND g.status = 'PUBLISHED') AS published,
       (SELECT count(DISTINCT enterprise_id) FROM guides g WHERE g.batch_id = b.id) AS enterprises,
       (SELECT count(*) FROM applications a WHERE a.batch_id = b.id) AS applications,
       (SELECT count(*) FROM review_scores s JOIN review_assignments r ON r.id = s.assignment_id
         WHERE r.batch_id = b.id) AS scores,
       (SELECT count(*) FROM approval_decisions d WHERE d.batch_id = b.id AND d.outcome = 'APPROVED') AS approved,
       (SELECT count(*) FROM approval_decisions d WHERE d.batch_id = b.id AND d.key_project) AS key,
       (SELECT count(*) FROM projects p WHERE p.batch_id = b.id) AS projects,
       (SELECT count(*) FROM projects p JOIN project_agreements a ON a.project_id = p.id WHERE p.batch_id = b.id) AS agreements,
       (SELECT count(*) FROM projects p JOIN project_disbursements d ON d.project_id = p.id WHERE p.batch_id = b.id) AS payments,
       (SELECT count(*) FROM projects p JOIN project_completions c ON c.project_id = p.id WHERE p.batch_id = b.id) AS completions,
       (SELECT count(*) FROM projects p JOIN completion_certificates c ON c.project_id = p.id WHERE p.batch_id = b.id) AS certificates
FROM batches b WHERE b.code LIKE 'ST-%' ORDER BY b.code;
SELECT b.code AS batch, string_agg(a.status || ' ' || a.n, ', ' ORDER BY a.n DESC) AS applications_by_status
FROM batches b JOIN (SELECT batch_id, status, count(*) n FROM applications GROUP BY 1, 2) a ON a.batch_id = b.id
WHERE b.code LIKE 'ST-%' GROUP BY b.code ORDER BY b.code;
SELECT b.code AS batch, string_agg(p.status || ' ' || p.n, ', ' ORDER BY p.n DESC) AS projects_by_status
FROM batches b JOIN (SELECT batch_id, status, count(*) n FROM projects GROUP BY 1, 2) p ON p.batch_id = b.id
WHERE b.code LIKE 'ST-%' GROUP BY b.code ORDER BY b.code;
SELECT b.code AS batch, sum(d.amount) FILTER (WHERE d.kind = 'CASH') AS cash_paid,
       sum(d.amount) FILTER (WHERE d.kind = 'CASH' AND d.confirmed_at IS NOT NULL) AS cash_confirmed,
       (SELECT sum(a.cash_total) FROM project_agreements a JOIN projects p ON p.id = a.project_id
         WHERE p.batch_id = b.id AND a.status = 'CONFIRMED') AS cash_agreed,
       sum(d.amount) FILTER (WHERE d.kind = 'HARDWARE_SOFTWARE') AS hardware_software_paid
FROM batches b JOIN projects p ON p.batch_id = b.id JOIN project_disbursements d ON d.project_id = p.id
WHERE b.code LIKE 'ST-%' GROUP BY b.id, b.code ORDER BY b.code;
SELECT 'totals' AS what, (SELECT count(*) FROM organizations WHERE code LIKE 'STU%') AS universities,
       (SELECT count(*) FROM enterprises WHERE credit_code LIKE '91220101ST%') AS enterprises,
       (SELECT count(*) FROM users WHERE username LIKE 'stt%') AS teachers,
       (SELECT count(*) FROM users WHERE username LIKE 'stx%') AS experts,
       (SELECT count(*) FROM review_scores) AS scores, (SELECT count(*) FROM review_assignments) AS assignments;
SELECT 'checks (each 0)' AS what,
  (SELECT count(*) FROM (SELECT a.guide_id FROM approval_decisions d JOIN applications a ON a.id = d.application_id
     JOIN guides g ON g.id = a.guide_id WHERE d.outcome = 'APPROVED' GROUP BY a.guide_id, g.projects_offered
     HAVING count(*) > g.projects_offered) x) AS approved_over_offered,
  (SELECT count(*) FROM (SELECT batch_id FROM approval_decisions d JOIN batches b ON b.id = d.batch_id
     WHERE d.key_project GROUP BY batch_id, b.key_project_quota HAVING count(*) > b.key_project_quota) x) AS key_over_quota,
  (SELECT count(*) FROM (SELECT leader_id, batch_id FROM applications WHERE status <> 'WITHDRAWN'
     GROUP BY 1, 2 HAVING count(*) > 3) x) AS teacher_over_cap,
  (SELECT count(*) FROM applications a WHERE a.budget_total <> (SELECT coalesce(sum(amount), 0)
     FROM application_budget_lines l WHERE l.application_id = a.id)) AS budget_mismatch,
  (SELECT count(*) FROM applications a JOIN guides g ON g.id = a.guide_id
     WHERE a.budget_total > g.cash_per_project OR g.status <> 'PUBLISHED') AS over_guide,
  (SELECT count(*) FROM projects p JOIN approval_decisions d ON d.application_id = p.application_id
     WHERE d.outcome <> 'APPROVED' OR d.key_project <> p.key_project) AS project_not_approved,
  (SELECT count(*) FROM (SELECT p.id FROM projects p JOIN project_disbursements d ON d.project_id = p.id
     GROUP BY p.id, p.cash, p.hardware_software
     HAVING sum(d.amount) FILTER (WHERE d.kind = 'CASH') > p.cash
         OR sum(d.amount) FILTER (WHERE d.kind = 'HARDWARE_SOFTWARE') > p.hardware_software) x) AS paid_over_agreed,
  (SELECT count(*) FROM guides g JOIN batches b ON b.id = g.batch_id
     WHERE g.direction NOT IN (SELECT name FROM batch_directions d WHERE d.batch_id = b.id)
        OR g.industry NOT IN (SELECT name FROM batch_industries i WHERE i.batch_id = b.id)) AS outside_batch_lists;
