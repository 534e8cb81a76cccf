package org.xietong.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What waits on the department in approval, per batch: recommendations to decide,
 * approvals to put under notice, decisions ready to publish.
 */
@Component
class ApprovalTasks implements TaskSource {

	private final JdbcClient jdbc;

	ApprovalTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		if (!actor.roleName().equals("DEPARTMENT_OFFICER")) {
			return List.of();
		}
		List<Task> tasks = new ArrayList<>();
		this.jdbc.sql("""
				SELECT a.batch_id, b.title, COUNT(*) FROM applications a JOIN batches b ON b.id = a.batch_id
				LEFT JOIN approval_decisions d ON d.application_id = a.id
				WHERE a.status = 'RECOMMENDED' AND d.application_id IS NULL GROUP BY a.batch_id, b.title""")
			.query((rs,
					n) -> tasks.add(task("APPROVALS_TO_DECIDE", "task.approvals.decide", rs.getObject(1, UUID.class),
							rs.getString(2), rs.getLong(3))))
			.list();
		this.jdbc.sql("""
				SELECT d.batch_id, b.title, COUNT(*) FROM approval_decisions d JOIN batches b ON b.id = d.batch_id
				WHERE d.outcome = 'APPROVED' AND d.published_at IS NULL AND d.noticed_at IS NULL
				GROUP BY d.batch_id, b.title""")
			.query((rs,
					n) -> tasks.add(task("APPROVALS_TO_NOTICE", "task.approvals.notice", rs.getObject(1, UUID.class),
							rs.getString(2), rs.getLong(3))))
			.list();
		// Ready when nothing holds the batch back: no recommendation undecided, no
		// approval short of a closed notice.
		this.jdbc
			.sql("""
					SELECT d.batch_id, b.title, COUNT(*) FROM approval_decisions d JOIN batches b ON b.id = d.batch_id
					WHERE d.published_at IS NULL AND NOT EXISTS (SELECT 1 FROM approval_decisions o WHERE o.batch_id = d.batch_id
					  AND o.published_at IS NULL AND o.outcome = 'APPROVED' AND o.notice_closed_at IS NULL)
					AND NOT EXISTS (SELECT 1 FROM applications a LEFT JOIN approval_decisions x ON x.application_id = a.id
					  WHERE a.batch_id = d.batch_id AND a.status = 'RECOMMENDED' AND x.application_id IS NULL)
					GROUP BY d.batch_id, b.title""")
			.query((rs,
					n) -> tasks.add(task("APPROVALS_TO_PUBLISH", "task.approvals.publish", rs.getObject(1, UUID.class),
							rs.getString(2), rs.getLong(3))))
			.list();
		return tasks;
	}

	private static Task task(String kind, String key, UUID batchId, String batchTitle, long count) {
		return new Task(kind, key, List.of(batchTitle, Long.toString(count)),
				"/department/approvals?batchId=" + batchId, null, count);
	}

}
