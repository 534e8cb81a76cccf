package org.xietong.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.shared.DomainException;

/**
 * What every step of a project shares: finding it for the one who acts (not found outside
 * the caller's view, refused for a party that never takes the step), moving its status by
 * the transition table, and writing its history, audit entry and event together.
 */
@Component
class ProjectRecords {

	private final Projects projects;

	private final JdbcClient jdbc;

	private final BatchManagement batches;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProjectRecords(Projects projects, JdbcClient jdbc, BatchManagement batches, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.projects = projects;
		this.jdbc = jdbc;
		this.batches = batches;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The parties of a project's steps. */
	enum Party {

		LEADER, UNIVERSITY, ENTERPRISE, DEPARTMENT

	}

	/**
	 * The project, locked for the step, when {@code user} is its {@code party}: 404 when
	 * the user may not see it, 403 when it may see it but that party takes the step.
	 */
	ProjectView forStep(UUID projectId, CurrentUser user, Party party) {
		if (user == null) {
			throw new AccessDeniedException("sign in");
		}
		ProjectView project = this.projects.get(projectId, user);
		boolean allowed = switch (party) {
			case LEADER -> user.has(Role.TEACHER) && project.leaderId().equals(user.id());
			case UNIVERSITY -> user.has(Role.UNIVERSITY_ADMIN) && project.universityId().equals(user.organizationId());
			case ENTERPRISE ->
				user.has(Role.ENTERPRISE_CONTACT) && project.enterpriseId().equals(user.organizationId());
			case DEPARTMENT -> user.has(Role.DEPARTMENT_OFFICER);
		};
		if (!allowed) {
			throw new AccessDeniedException("for the project's " + party.name().toLowerCase(java.util.Locale.ROOT));
		}
		// Steps of one project take turns.
		this.jdbc.sql("UPDATE projects SET version = version + 1 WHERE id = :id").param("id", projectId).update();
		return this.projects.find(projectId).orElseThrow();
	}

	/** The project when the user may see it; not found otherwise. */
	ProjectView visible(UUID projectId, CurrentUser user) {
		if (user == null) {
			throw new AccessDeniedException("sign in");
		}
		return this.projects.get(projectId, user);
	}

	/** The project, locked for a step whose actor the caller has checked. */
	ProjectView locked(UUID projectId) {
		this.jdbc.sql("UPDATE projects SET version = version + 1 WHERE id = :id").param("id", projectId).update();
		return this.projects.find(projectId).orElseThrow(() -> DomainException.notFound("project"));
	}

	/** Refuses with {@code ILLEGAL_TRANSITION} unless the project is in one of these. */
	static void require(ProjectView project, ProjectStatus... statuses) {
		for (ProjectStatus status : statuses) {
			if (project.status() == status) {
				return;
			}
		}
		throw DomainException.illegalTransition("not possible while the project is " + project.status(),
				project.status());
	}

	/** Moves the project to {@code next}, by the transition table. */
	void move(ProjectView project, ProjectStatus next) {
		if (!project.status().canMoveTo(next)) {
			throw DomainException.illegalTransition(project.status() + " cannot become " + next, project.status());
		}
		this.jdbc.sql("UPDATE projects SET status = :status, updated_at = :at, version = version + 1 WHERE id = :id")
			.param("status", next.name())
			.param("at", now())
			.param("id", project.id())
			.update();
	}

	/**
	 * Records a step: in the project's history, in the audit trail (in this transaction)
	 * and as an event for those it concerns.
	 */
	void record(ProjectView project, String actor, String action, String detail) {
		record(project, actor, action, detail, null);
	}

	/** The same, for a step that names one person. */
	void record(ProjectView project, String actor, String action, String detail, UUID personId) {
		this.jdbc.sql("""
				INSERT INTO project_history (id, project_id, at, actor, action, detail)
				VALUES (:id, :project, :at, :actor, :action, :detail)""")
			.param("id", UUID.randomUUID())
			.param("project", project.id())
			.param("at", now())
			.param("actor", actor)
			.param("action", action)
			.param("detail", detail)
			.update();
		this.audit.record(AuditEvent.of("PROJECT_" + action, "Project", project.id()).after(detail));
		this.events.publishEvent(new ProjectStep(project.id(), project.number(), project.title(), action, detail,
				project.leaderId(), project.universityId(), project.enterpriseId(), personId));
	}

	List<HistoryEntry> history(UUID projectId) {
		return this.jdbc
			.sql("SELECT at, actor, action, detail FROM project_history WHERE project_id = :id ORDER BY at, id")
			.param("id", projectId)
			.query((rs, n) -> new HistoryEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	BatchView batch(ProjectView project) {
		return this.batches.find(project.batchId()).orElseThrow();
	}

	/** Today in the project's batch's time zone. */
	LocalDate today(ProjectView project) {
		return LocalDate.ofInstant(this.clock.instant(), batch(project).timeZone());
	}

	OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
