package org.xietong.projects;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What waits on a project's leader: the cooperation agreement of each approved project.
 */
@Component
class ProjectTasks implements TaskSource {

	private final JdbcClient jdbc;

	ProjectTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		if (!actor.roleName().equals("TEACHER")) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, title, project_number FROM projects WHERE leader_id = :leader AND status = 'APPROVED'
				ORDER BY project_number""")
			.param("leader", userId)
			.query((rs, n) -> new Task("PROJECT_AGREEMENT", "task.projects.agreement",
					List.of(rs.getString(2), rs.getString(3)), "/projects/" + rs.getObject(1, UUID.class), null, 1))
			.list();
	}

}
