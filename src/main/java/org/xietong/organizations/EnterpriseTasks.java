package org.xietong.organizations;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/** The department's task of reviewing enterprises that registered or resubmitted. */
@Component
class EnterpriseTasks implements TaskSource {

	private final JdbcClient jdbc;

	EnterpriseTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		if (!"DEPARTMENT_OFFICER".equals(actor.roleName())) {
			return List.of();
		}
		long pending = this.jdbc.sql("SELECT COUNT(*) FROM enterprises WHERE status = 'PENDING_REVIEW'")
			.query(Long.class)
			.single();
		if (pending == 0) {
			return List.of();
		}
		return List.of(new Task("ENTERPRISES_TO_REVIEW", "task.enterprises.review", List.of(Long.toString(pending)),
				"/enterprises?status=PENDING_REVIEW", null, pending));
	}

}
