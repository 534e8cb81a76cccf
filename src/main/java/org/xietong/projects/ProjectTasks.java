package org.xietong.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What a project's next step asks of each party: the leader its agreement (by its due
 * date), the university to check an agreement or a completion request, the enterprise to
 * confirm an agreement, to decide on a change or to organise acceptance, the department
 * to decide on a change the enterprise approved and to look at the projects past their
 * end without completion, an expert its acceptance task.
 */
@Component
class ProjectTasks implements TaskSource {

	private static final ZoneId ZONE = BatchManagement.DEFAULT_TIME_ZONE;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	ProjectTasks(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		return switch (actor.roleName()) {
			case "TEACHER" -> leader(userId);
			case "UNIVERSITY_ADMIN" -> university(actor.organizationId());
			case "ENTERPRISE_CONTACT" -> enterprise(actor.organizationId());
			case "DEPARTMENT_OFFICER" -> department();
			case "EXPERT" -> this.jdbc.sql("""
					SELECT p.id, p.title, p.project_number FROM acceptance_assignments a JOIN projects p
					ON p.id = a.project_id WHERE a.expert_id = :who AND a.concluded_at IS NULL
					AND p.status = 'UNDER_ACCEPTANCE'""")
				.param("who", userId)
				.query((rs, n) -> task(rs, "ACCEPTANCE_TO_CONCLUDE", "task.projects.acceptanceToConclude",
						"/expert/acceptance"))
				.list();
			default -> List.of();
		};
	}

	private List<Task> leader(UUID teacherId) {
		return this.jdbc.sql("""
				SELECT p.id, p.title, p.project_number, p.agreement_due_on FROM projects p
				LEFT JOIN project_agreements a ON a.project_id = p.id
				WHERE p.leader_id = :who AND p.status = 'APPROVED' AND (a.status IS NULL OR a.status = 'RETURNED')
				ORDER BY p.project_number""").param("who", teacherId).query((rs, n) -> {
			LocalDate due = rs.getObject(4, LocalDate.class);
			return new Task("PROJECT_AGREEMENT", "task.projects.agreement", List.of(rs.getString(2), rs.getString(3)),
					"/projects/" + rs.getObject(1, UUID.class),
					(due == null) ? null : due.plusDays(1).atStartOfDay(ZONE).toInstant(), 1);
		}).list();
	}

	private List<Task> department() {
		List<Task> tasks = new ArrayList<>(projects("""
				SELECT DISTINCT p.id, p.title, p.project_number FROM projects p JOIN project_changes c
				ON c.project_id = p.id WHERE c.status = 'ENTERPRISE_APPROVED'""", null, "CHANGE_TO_DECIDE",
				"task.projects.changeToDecide"));
		tasks.addAll(this.jdbc.sql("""
				SELECT p.batch_id, b.title, COUNT(*) FROM projects p JOIN batches b ON b.id = p.batch_id
				WHERE p.status IN ('IN_PROGRESS', 'RECTIFYING') AND p.ends_on < :today GROUP BY p.batch_id, b.title""")
			.param("today", LocalDate.ofInstant(this.clock.instant(), ZONE))
			.query((rs, n) -> new Task("PROJECTS_OVERDUE", "task.projects.overdue",
					List.of(rs.getString(2), Long.toString(rs.getLong(3))),
					"/projects?batchId=" + rs.getObject(1, UUID.class), null, rs.getLong(3)))
			.list());
		return tasks;
	}

	private List<Task> university(UUID universityId) {
		List<Task> tasks = new ArrayList<>(projects("""
				SELECT p.id, p.title, p.project_number FROM projects p JOIN project_agreements a ON a.project_id = p.id
				WHERE p.university_id = :who AND a.status = 'SUBMITTED'""", universityId, "AGREEMENT_TO_CHECK",
				"task.projects.agreementToCheck"));
		tasks.addAll(projects("""
				SELECT p.id, p.title, p.project_number FROM projects p
				WHERE p.university_id = :who AND p.status = 'COMPLETION_REQUESTED'""", universityId,
				"COMPLETION_TO_CONSENT", "task.projects.completionToConsent"));
		return tasks;
	}

	private List<Task> enterprise(UUID enterpriseId) {
		List<Task> tasks = new ArrayList<>(projects("""
				SELECT p.id, p.title, p.project_number FROM projects p JOIN project_agreements a ON a.project_id = p.id
				WHERE p.enterprise_id = :who AND a.status = 'CHECKED'""", enterpriseId, "AGREEMENT_TO_CONFIRM",
				"task.projects.agreementToConfirm"));
		tasks.addAll(projects("""
				SELECT DISTINCT p.id, p.title, p.project_number FROM projects p JOIN project_changes c
				ON c.project_id = p.id WHERE p.enterprise_id = :who AND c.status = 'REQUESTED'""", enterpriseId,
				"CHANGE_TO_DECIDE", "task.projects.changeToDecide"));
		tasks.addAll(projects("""
				SELECT p.id, p.title, p.project_number FROM projects p JOIN project_completions c ON c.project_id = p.id
				WHERE p.enterprise_id = :who AND p.status IN ('COMPLETION_CONSENTED', 'UNDER_ACCEPTANCE')
				AND c.conclusion IS NULL""", enterpriseId, "ACCEPTANCE_TO_ORGANISE",
				"task.projects.acceptanceToOrganise"));
		return tasks;
	}

	private List<Task> projects(String sql, UUID who, String kind, String key) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql);
		if (who != null) {
			spec = spec.param("who", who);
		}
		return spec.query((rs, n) -> task(rs, kind, key, "/projects/" + rs.getObject(1, UUID.class))).list();
	}

	private static Task task(ResultSet rs, String kind, String key, String link) throws SQLException {
		return new Task(kind, key, List.of(rs.getString(2), rs.getString(3)), link, null, 1);
	}

}
