package org.xietong.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserView;
import org.xietong.accounts.UserManagement;
import org.xietong.projects.ProjectRecords.Party;
import org.xietong.shared.DomainException;
import org.xietong.shared.Reasons;

/**
 * Change requests: the leader asks for a new leader (a teacher of the same university) or
 * one extension of the end date by at most the batch's months; the enterprise approves,
 * then the department, and only then does the change take effect. One request of each
 * kind is open at a time; a project is extended once.
 */
@Service
public class ChangeRequests {

	/** What a change asks for. */
	public enum Kind {

		LEADER, EXTENSION

	}

	/** A change request as it stands. */
	public record ChangeView(UUID id, UUID projectId, Kind kind, UUID newLeaderId, String newLeaderName,
			LocalDate newEndsOn, String reason, String status, String rejectReason, String requestedBy,
			Instant requestedAt, Instant enterpriseDecidedAt, Instant departmentDecidedAt, long version) {
	}

	/** What the leader asks. */
	public record ChangeRequest(Kind kind, UUID newLeaderId, LocalDate newEndsOn, String reason) {
	}

	private final JdbcClient jdbc;

	private final ProjectRecords records;

	private final Projects projects;

	private final UserManagement users;

	ChangeRequests(JdbcClient jdbc, ProjectRecords records, Projects projects, UserManagement users) {
		this.jdbc = jdbc;
		this.records = records;
		this.projects = projects;
		this.users = users;
	}

	/** The leader asks for a change of a project in progress. */
	@Transactional
	public ChangeView request(UUID projectId, CurrentUser user, ChangeRequest request) {
		ProjectView project = this.records.forStep(projectId, user, Party.LEADER);
		ProjectRecords.require(project, ProjectStatus.IN_PROGRESS);
		if (request == null || request.kind() == null) {
			throw DomainException.invalid("kind", "REQUIRED", "LEADER or EXTENSION");
		}
		String reason = Reasons.required(request.reason());
		if (!changes(projectId).stream()
			.filter(change -> change.kind() == request.kind())
			.filter(change -> change.status().equals("REQUESTED") || change.status().equals("ENTERPRISE_APPROVED"))
			.toList()
			.isEmpty()) {
			throw DomainException.illegalTransition("a change of this kind is already waiting for a decision",
					request.kind());
		}
		String detail;
		if (request.kind() == Kind.EXTENSION) {
			detail = checkExtension(project, request.newEndsOn());
		}
		else {
			detail = checkLeader(project, request.newLeaderId());
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO project_changes (id, project_id, kind, new_leader_id, new_ends_on, reason, status,
				  requested_by, requested_at, version)
				VALUES (:id, :project, :kind, :leader, :ends, :reason, 'REQUESTED', :by, :at, 0)""")
			.param("id", id)
			.param("project", projectId)
			.param("kind", request.kind().name())
			.param("leader", (request.kind() == Kind.LEADER) ? request.newLeaderId() : null)
			.param("ends", (request.kind() == Kind.EXTENSION) ? request.newEndsOn() : null)
			.param("reason", reason)
			.param("by", user.username())
			.param("at", this.records.now())
			.update();
		this.records.record(project, user.username(), "CHANGE_REQUESTED", detail + "; reason: " + reason);
		return find(id).orElseThrow();
	}

	private String checkExtension(ProjectView project, LocalDate newEndsOn) {
		if (newEndsOn == null) {
			throw DomainException.invalid("newEndsOn", "REQUIRED", "the new end date");
		}
		boolean extendedBefore = changes(project.id()).stream()
			.anyMatch(change -> change.kind() == Kind.EXTENSION && !change.status().equals("REJECTED"));
		if (extendedBefore) {
			throw new DomainException(409, "QUOTA_EXCEEDED", "a project is extended once", 1)
				.detailKey("error.QUOTA_EXCEEDED.extension");
		}
		int months = ProjectRules.of(this.records.batch(project)).maxExtensionMonths();
		LocalDate ends = project.endsOn();
		if (!newEndsOn.isAfter(ends)) {
			throw DomainException.invalid("newEndsOn", "NOT_LATER", "after the current end, " + ends);
		}
		if (newEndsOn.isAfter(ends.plusMonths(months))) {
			throw DomainException.invalid("newEndsOn", "EXTENSION_TOO_LONG",
					"at most " + months + " months after the current end, " + ends);
		}
		return "extension from " + ends + " to " + newEndsOn;
	}

	private String checkLeader(ProjectView project, UUID newLeaderId) {
		if (newLeaderId == null) {
			throw DomainException.invalid("newLeaderId", "REQUIRED", "the new leader");
		}
		UserView leader = this.users.find(newLeaderId)
			.filter(user -> user.role() == Role.TEACHER && project.universityId().equals(user.organizationId())
					&& user.enabled())
			.orElseThrow(() -> DomainException.invalid("newLeaderId", "NOT_A_TEACHER_OF_THE_UNIVERSITY",
					"a teacher of " + project.universityName()));
		if (leader.id().equals(project.leaderId())) {
			throw DomainException.invalid("newLeaderId", "SAME_LEADER", "someone other than the leader");
		}
		int limit = this.records.batch(project).rules().maxProjectsInProgressPerTeacher();
		long leads = this.projects.inProgress(leader.id());
		if (leads >= limit) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					leader.displayName() + " leads " + leads + " projects in progress, the limit is " + limit, leads,
					limit)
				.detailKey("error.QUOTA_EXCEEDED.newLeader");
		}
		return "new leader " + leader.displayName();
	}

	/**
	 * The enterprise (first) or the department (then) approves a change; the department's
	 * approval applies it.
	 */
	@Transactional
	public ChangeView approve(UUID changeId, CurrentUser user) {
		ChangeView change = find(changeId).orElseThrow(() -> DomainException.notFound("change"));
		Party party = party(user);
		ProjectView project = this.records.forStep(change.projectId(), user, party);
		String expected = (party == Party.ENTERPRISE) ? "REQUESTED" : "ENTERPRISE_APPROVED";
		if (!change.status().equals(expected)) {
			throw DomainException.illegalTransition("the change is " + change.status(), change.status());
		}
		String next = (party == Party.ENTERPRISE) ? "ENTERPRISE_APPROVED" : "APPROVED";
		this.jdbc
			.sql("UPDATE project_changes SET status = :status, "
					+ ((party == Party.ENTERPRISE) ? "enterprise_decided_at" : "department_decided_at")
					+ " = :at, version = version + 1 WHERE id = :id")
			.param("status", next)
			.param("at", this.records.now())
			.param("id", changeId)
			.update();
		if (next.equals("APPROVED")) {
			ProjectRecords.require(project, ProjectStatus.IN_PROGRESS);
			apply(project, change);
		}
		this.records.record(project, user.username(),
				(party == Party.ENTERPRISE) ? "CHANGE_APPROVED_BY_ENTERPRISE" : "CHANGE_APPROVED", describe(change));
		return find(changeId).orElseThrow();
	}

	/** The enterprise or the department rejects a change with a reason. */
	@Transactional
	public ChangeView reject(UUID changeId, CurrentUser user, String reason) {
		ChangeView change = find(changeId).orElseThrow(() -> DomainException.notFound("change"));
		Party party = party(user);
		ProjectView project = this.records.forStep(change.projectId(), user, party);
		String expected = (party == Party.ENTERPRISE) ? "REQUESTED" : "ENTERPRISE_APPROVED";
		if (!change.status().equals(expected)) {
			throw DomainException.illegalTransition("the change is " + change.status(), change.status());
		}
		String why = Reasons.required(reason);
		this.jdbc.sql("""
				UPDATE project_changes SET status = 'REJECTED', reject_reason = :reason, version = version + 1
				WHERE id = :id""").param("reason", why).param("id", changeId).update();
		this.records.record(project, user.username(), "CHANGE_REJECTED", describe(change) + "; reason: " + why);
		return find(changeId).orElseThrow();
	}

	private void apply(ProjectView project, ChangeView change) {
		if (change.kind() == Kind.EXTENSION) {
			this.jdbc.sql("UPDATE projects SET ends_on = :ends WHERE id = :id")
				.param("ends", change.newEndsOn())
				.param("id", project.id())
				.update();
			this.jdbc.sql("UPDATE project_agreements SET ends_on = :ends, version = version + 1 WHERE project_id = :id")
				.param("ends", change.newEndsOn())
				.param("id", project.id())
				.update();
		}
		else {
			UserView leader = this.users.find(change.newLeaderId()).orElseThrow();
			this.jdbc.sql("""
					UPDATE projects SET leader_id = :leader, leader_name = :name,
					  search_text = REPLACE(search_text, :oldName, LOWER(:name)) WHERE id = :id""")
				.param("leader", leader.id())
				.param("name", leader.displayName())
				.param("oldName", project.leaderName().toLowerCase(java.util.Locale.ROOT))
				.param("id", project.id())
				.update();
		}
	}

	private static Party party(CurrentUser user) {
		if (user != null && user.has(Role.ENTERPRISE_CONTACT)) {
			return Party.ENTERPRISE;
		}
		if (user != null && user.has(Role.DEPARTMENT_OFFICER)) {
			return Party.DEPARTMENT;
		}
		throw new AccessDeniedException("for the enterprise or the department");
	}

	private String describe(ChangeView change) {
		return (change.kind() == Kind.EXTENSION) ? "extension to " + change.newEndsOn()
				: "new leader " + change.newLeaderName();
	}

	/** The project's change requests, newest first. */
	@Transactional(readOnly = true)
	public List<ChangeView> changes(UUID projectId) {
		return this.jdbc.sql("""
				SELECT c.*, u.display_name AS new_leader_name FROM project_changes c
				LEFT JOIN users u ON u.id = c.new_leader_id WHERE c.project_id = :id ORDER BY c.requested_at DESC""")
			.param("id", projectId)
			.query(ChangeRequests::view)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ChangeView> find(UUID id) {
		return this.jdbc.sql("""
				SELECT c.*, u.display_name AS new_leader_name FROM project_changes c
				LEFT JOIN users u ON u.id = c.new_leader_id WHERE c.id = :id""")
			.param("id", id)
			.query(ChangeRequests::view)
			.optional();
	}

	private static ChangeView view(ResultSet rs, int n) throws SQLException {
		return new ChangeView(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				Kind.valueOf(rs.getString("kind")), rs.getObject("new_leader_id", UUID.class),
				rs.getString("new_leader_name"), rs.getObject("new_ends_on", LocalDate.class), rs.getString("reason"),
				rs.getString("status"), rs.getString("reject_reason"), rs.getString("requested_by"),
				Agreements.instant(rs, "requested_at"), Agreements.instant(rs, "enterprise_decided_at"),
				Agreements.instant(rs, "department_decided_at"), rs.getLong("version"));
	}

}
