package org.xietong.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What the notices ask of their responsible party (the department for its notices, an
 * enterprise for its result notices): answer the objections open on a notice, by the end
 * of its period; close a notice whose period has ended, or answer its open objections
 * first.
 */
@Component
class NoticeTasks implements TaskSource {

	private final JdbcClient jdbc;

	private final Clock clock;

	NoticeTasks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		boolean responsible = actor.roleName().equals("DEPARTMENT_OFFICER")
				|| actor.roleName().equals("ENTERPRISE_CONTACT");
		if (!responsible || actor.organizationId() == null) {
			return List.of();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT n.id, n.title, n.closes_at,
				  (SELECT COUNT(*) FROM objections o WHERE o.notice_id = n.id AND o.status = 'OPEN') AS open_objections
				FROM notices n WHERE n.opener_organization_id = :org AND n.status = 'OPEN' ORDER BY n.closes_at""")
			.param("org", actor.organizationId())
			.query((rs, n) -> {
				Instant closesAt = rs.getObject(3, OffsetDateTime.class).toInstant();
				long objections = rs.getLong(4);
				String link = "/notices/" + rs.getObject(1, UUID.class);
				boolean ended = now.isAfter(closesAt);
				if (objections > 0) {
					return new Task(ended ? "NOTICE_OBJECTIONS_FIRST" : "NOTICE_OBJECTIONS",
							ended ? "task.notices.objectionsFirst" : "task.notices.objections",
							List.of(rs.getString(2), Long.toString(objections)), link, closesAt, objections);
				}
				return ended
						? new Task("NOTICE_TO_CLOSE", "task.notices.close", List.of(rs.getString(2)), link, closesAt, 1)
						: null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

}
