package org.xietong.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationQueries;
import org.xietong.organizations.ExpertView;
import org.xietong.projects.ProjectRecords.Party;
import org.xietong.reviews.ExpertConflicts;
import org.xietong.shared.DomainException;
import org.xietong.shared.Reasons;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * Completion acceptance (结题验收): the leader submits the report, the outcomes and how the
 * funds were used; the university consents or returns it; the enterprise assigns
 * acceptance experts (never one with a conflict of interest, as in review), who each
 * conclude; the enterprise records the conclusion — pass, fail, or rectify and resubmit
 * (as often as the batch allows). A pass awaits the department's completion list.
 */
@Service
public class Completions {

	/** What an outcome is. */
	public enum OutcomeKind {

		COURSE, TEXTBOOK, CASE, PAPER, PATENT, OTHER

	}

	/** What acceptance concludes. */
	public enum Conclusion {

		PASS, FAIL, RECTIFY

	}

	/**
	 * An outcome; {@code fileId} is its file once attached (a syllabus, a paper, a
	 * patent).
	 */
	public record Outcome(OutcomeKind kind, String title, String description, UUID fileId) {

		public Outcome(OutcomeKind kind, String title, String description) {
			this(kind, title, description, null);
		}

	}

	public record FundUse(String category, Money amount) {
	}

	/** What the leader submits. */
	public record CompletionRequest(String report, List<Outcome> outcomes, List<FundUse> fundUsage) {
	}

	/** A completion request as it stands. */
	public record CompletionView(UUID projectId, String report, List<Outcome> outcomes, List<FundUse> fundUsage,
			Money fundsUsed, int attempt, Instant submittedAt, String returnReason, Instant consentedAt,
			Conclusion conclusion, String conclusionComment, Instant concludedAt, Instant noticedAt,
			Instant noticeClosedAt, Instant publishedAt) {
	}

	/** One acceptance expert's task and conclusion. */
	public record AcceptanceAssignment(UUID id, UUID projectId, int attempt, UUID expertId, String expertName,
			Conclusion conclusion, String comment, Instant assignedAt, Instant concludedAt) {
	}

	private static final int MAX_REPORT = 20_000;

	private static final int MAX_ITEMS = 50;

	private final JdbcClient jdbc;

	private final ProjectRecords records;

	private final ExpertConflicts experts;

	private final ApplicationQueries applications;

	private final org.xietong.files.StoredFiles files;

	Completions(JdbcClient jdbc, ProjectRecords records, ExpertConflicts experts, ApplicationQueries applications,
			org.xietong.files.StoredFiles files) {
		this.files = files;
		this.jdbc = jdbc;
		this.records = records;
		this.experts = experts;
		this.applications = applications;
	}

	/**
	 * The leader asks for acceptance: while the project runs (early when finished, or
	 * once its end date has come) or after being sent back to rectify.
	 */
	@Transactional
	public CompletionView submit(UUID projectId, CurrentUser user, CompletionRequest request) {
		ProjectView project = this.records.forStep(projectId, user, Party.LEADER);
		ProjectRecords.require(project, ProjectStatus.IN_PROGRESS, ProjectStatus.RECTIFYING);
		validate(request);
		Optional<CompletionView> before = find(projectId);
		int attempt = (project.status() == ProjectStatus.RECTIFYING) ? before.map(c -> c.attempt() + 1).orElse(1)
				: before.map(CompletionView::attempt).orElse(1);
		this.jdbc.sql("DELETE FROM project_completions WHERE project_id = :id").param("id", projectId).update();
		this.jdbc.sql("""
				INSERT INTO project_completions (project_id, report, attempt, submitted_at, version)
				VALUES (:id, :report, :attempt, :at, 0)""")
			.param("id", projectId)
			.param("report", request.report().strip())
			.param("attempt", attempt)
			.param("at", this.records.now())
			.update();
		int i = 0;
		for (Outcome outcome : request.outcomes()) {
			this.jdbc.sql("""
					INSERT INTO project_outcomes (project_id, outcome_index, kind, title, description)
					VALUES (:id, :i, :kind, :title, :description)""")
				.param("id", projectId)
				.param("i", i++)
				.param("kind", outcome.kind().name())
				.param("title", outcome.title().strip())
				.param("description", (outcome.description() == null) ? "" : outcome.description().strip())
				.update();
		}
		i = 0;
		for (FundUse use : request.fundUsage()) {
			this.jdbc.sql("""
					INSERT INTO project_fund_usage (project_id, line_index, category, amount)
					VALUES (:id, :i, :category, :amount)""")
				.param("id", projectId)
				.param("i", i++)
				.param("category", use.category().strip())
				.param("amount", use.amount().amount())
				.update();
		}
		this.records.move(project, ProjectStatus.COMPLETION_REQUESTED);
		this.records.record(project, user.username(), "COMPLETION_REQUESTED",
				"attempt " + attempt + ": " + request.outcomes().size() + " outcomes, funds used "
						+ request.fundUsage().stream().map(FundUse::amount).reduce(Money.ZERO, Money::plus));
		return find(projectId).orElseThrow();
	}

	private static void validate(CompletionRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		if (request == null || request.report() == null || request.report().isBlank()
				|| request.report().length() > MAX_REPORT) {
			violations
				.add(new FieldViolation("report", "REQUIRED", "the report, at most " + MAX_REPORT + " characters"));
		}
		if (request == null || request.outcomes() == null || request.outcomes().isEmpty()) {
			violations.add(new FieldViolation("outcomes", "REQUIRED", "at least one outcome"));
		}
		else if (request.outcomes().size() > MAX_ITEMS) {
			violations.add(new FieldViolation("outcomes", "TOO_MANY", "at most " + MAX_ITEMS));
		}
		else {
			for (int i = 0; i < request.outcomes().size(); i++) {
				Outcome outcome = request.outcomes().get(i);
				if (outcome == null || outcome.kind() == null) {
					violations.add(new FieldViolation("outcomes[" + i + "].kind", "REQUIRED",
							"COURSE, TEXTBOOK, CASE, PAPER, PATENT or OTHER"));
				}
				if (outcome == null || outcome.title() == null || outcome.title().isBlank()
						|| outcome.title().length() > 200) {
					violations.add(new FieldViolation("outcomes[" + i + "].title", "REQUIRED", "1 to 200 characters"));
				}
			}
		}
		if (request == null || request.fundUsage() == null || request.fundUsage().isEmpty()) {
			violations.add(new FieldViolation("fundUsage", "REQUIRED", "how the funds were used, line by line"));
		}
		else if (request.fundUsage().size() > MAX_ITEMS) {
			violations.add(new FieldViolation("fundUsage", "TOO_MANY", "at most " + MAX_ITEMS));
		}
		else {
			for (int i = 0; i < request.fundUsage().size(); i++) {
				FundUse use = request.fundUsage().get(i);
				if (use == null || use.category() == null || use.category().isBlank()
						|| use.category().length() > 100) {
					violations
						.add(new FieldViolation("fundUsage[" + i + "].category", "REQUIRED", "1 to 100 characters"));
				}
				if (use == null || use.amount() == null || use.amount().isNegative()) {
					violations.add(new FieldViolation("fundUsage[" + i + "].amount", "REQUIRED", "an amount ≥ 0"));
				}
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
	}

	/**
	 * The leader attaches a file to an outcome of its completion request while the
	 * university has not yet decided on it (PDF, Word, Excel, images or ZIP, within the
	 * batch's attachment size).
	 */
	@Transactional
	public CompletionView attachOutcomeFile(UUID projectId, CurrentUser user, int index, java.io.InputStream content,
			String fileName) {
		ProjectView project = this.records.forStep(projectId, user, Party.LEADER);
		ProjectRecords.require(project, ProjectStatus.COMPLETION_REQUESTED);
		CompletionView completion = find(projectId).orElseThrow();
		if (index < 0 || index >= completion.outcomes().size()) {
			throw DomainException.notFound("outcome");
		}
		if (content == null) {
			throw DomainException.invalid("file", "REQUIRED", "the outcome's file");
		}
		org.xietong.files.StoredFile stored = this.files.store(content, fileName,
				org.xietong.files.FileType.ATTACHMENTS, this.records.batch(project).rules().attachmentMaxBytes(),
				user.username());
		this.jdbc.sql("UPDATE project_outcomes SET file_id = :file WHERE project_id = :id AND outcome_index = :i")
			.param("file", stored.id())
			.param("id", projectId)
			.param("i", index)
			.update();
		this.records.record(project, user.username(), "OUTCOME_FILE_ATTACHED",
				completion.outcomes().get(index).title() + ": " + stored.originalName());
		return find(projectId).orElseThrow();
	}

	/** An outcome's file, for those who may see the project. */
	@Transactional(readOnly = true)
	public java.util.Optional<org.xietong.files.StoredFile> outcomeFile(UUID projectId, int index) {
		return find(projectId).filter(c -> index >= 0 && index < c.outcomes().size())
			.map(c -> c.outcomes().get(index).fileId())
			.flatMap(this.files::find);
	}

	public java.io.InputStream open(org.xietong.files.StoredFile file) {
		return this.files.open(file);
	}

	/** The university consents to the completion request. */
	@Transactional
	public CompletionView consent(UUID projectId, CurrentUser user) {
		ProjectView project = this.records.forStep(projectId, user, Party.UNIVERSITY);
		ProjectRecords.require(project, ProjectStatus.COMPLETION_REQUESTED);
		this.jdbc.sql("UPDATE project_completions SET consented_at = :at, version = version + 1 WHERE project_id = :id")
			.param("at", this.records.now())
			.param("id", projectId)
			.update();
		this.records.move(project, ProjectStatus.COMPLETION_CONSENTED);
		this.records.record(project, user.username(), "COMPLETION_CONSENTED", "the university consents");
		return find(projectId).orElseThrow();
	}

	/**
	 * The university returns the completion request with a reason: the project runs on.
	 */
	@Transactional
	public CompletionView returnRequest(UUID projectId, CurrentUser user, String reason) {
		ProjectView project = this.records.forStep(projectId, user, Party.UNIVERSITY);
		ProjectRecords.require(project, ProjectStatus.COMPLETION_REQUESTED);
		String why = Reasons.required(reason);
		this.jdbc.sql("""
				UPDATE project_completions SET return_reason = :reason, version = version + 1 WHERE project_id = :id""")
			.param("reason", why)
			.param("id", projectId)
			.update();
		this.records.move(project, ProjectStatus.IN_PROGRESS);
		this.records.record(project, user.username(), "COMPLETION_RETURNED", why);
		return find(projectId).orElseThrow();
	}

	/**
	 * The enterprise assigns an acceptance expert of its pool; the first assignment puts
	 * the project under acceptance.
	 */
	@Transactional
	public AcceptanceAssignment assign(UUID projectId, CurrentUser user, UUID expertId) {
		ProjectView project = this.records.forStep(projectId, user, Party.ENTERPRISE);
		ProjectRecords.require(project, ProjectStatus.COMPLETION_CONSENTED, ProjectStatus.UNDER_ACCEPTANCE);
		CompletionView completion = find(projectId).orElseThrow();
		if (completion.conclusion() != null) {
			throw DomainException.illegalTransition("acceptance has concluded", completion.conclusion());
		}
		if (expertId == null) {
			throw DomainException.invalid("expertId", "REQUIRED", "an expert of the enterprise's pool");
		}
		ExpertView expert = this.experts.fromPool(user, expertId);
		this.experts.requireNone(expert, this.applications.forReview(project.applicationId()).orElseThrow());
		boolean assigned = assignments(projectId).stream()
			.anyMatch(a -> a.attempt() == completion.attempt() && a.expertId().equals(expertId));
		if (assigned) {
			throw new DomainException(409, "ALREADY_ASSIGNED", "the expert is assigned already");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO acceptance_assignments (id, project_id, attempt, expert_id, assigned_by, assigned_at)
				VALUES (:id, :project, :attempt, :expert, :by, :at)""")
			.param("id", id)
			.param("project", projectId)
			.param("attempt", completion.attempt())
			.param("expert", expertId)
			.param("by", user.username())
			.param("at", this.records.now())
			.update();
		if (project.status() == ProjectStatus.COMPLETION_CONSENTED) {
			this.records.move(project, ProjectStatus.UNDER_ACCEPTANCE);
		}
		this.records.record(project, user.username(), "ACCEPTANCE_EXPERT_ASSIGNED", expert.displayName(), expert.id());
		return assignment(id).orElseThrow();
	}

	/**
	 * One acceptance assignment, for its expert or for the project's enterprise and the
	 * department; not found for anyone else.
	 */
	@Transactional(readOnly = true)
	public AcceptanceAssignment assignment(UUID id, CurrentUser user) {
		AcceptanceAssignment assignment = assignment(id).orElseThrow(() -> DomainException.notFound("assignment"));
		if (user != null && user.has(Role.EXPERT)) {
			if (!assignment.expertId().equals(user.id())) {
				throw DomainException.notFound("assignment");
			}
			return assignment;
		}
		ProjectView project = this.records.visible(assignment.projectId(), user);
		boolean reads = user.has(Role.DEPARTMENT_OFFICER)
				|| (user.has(Role.ENTERPRISE_CONTACT) && project.enterpriseId().equals(user.organizationId()));
		if (!reads) {
			throw new AccessDeniedException("for the expert, the enterprise and the department");
		}
		return assignment;
	}

	/** An acceptance expert's own assignments, newest first. */
	@Transactional(readOnly = true)
	public List<AcceptanceAssignment> mine(CurrentUser user) {
		if (user == null || !user.has(Role.EXPERT)) {
			throw new AccessDeniedException("for an expert");
		}
		return this.jdbc.sql(SELECT_ASSIGNMENT + " WHERE a.expert_id = :expert ORDER BY a.assigned_at DESC")
			.param("expert", user.id())
			.query(Completions::assignment)
			.list();
	}

	/** The expert concludes its acceptance of the project, with a comment. */
	@Transactional
	public AcceptanceAssignment conclude(UUID assignmentId, CurrentUser user, Conclusion conclusion, String comment) {
		if (user == null || !user.has(Role.EXPERT)) {
			throw new AccessDeniedException("for an expert");
		}
		AcceptanceAssignment assignment = assignment(assignmentId).filter(a -> a.expertId().equals(user.id()))
			.orElseThrow(() -> DomainException.notFound("assignment"));
		if (assignment.concludedAt() != null) {
			throw DomainException.illegalTransition("concluded already", assignment.conclusion());
		}
		if (conclusion == null) {
			throw DomainException.invalid("conclusion", "REQUIRED", "PASS, FAIL or RECTIFY");
		}
		String why = Reasons.required(comment, "comment");
		ProjectView project = this.records.locked(assignment.projectId());
		ProjectRecords.require(project, ProjectStatus.UNDER_ACCEPTANCE);
		this.jdbc.sql("""
				UPDATE acceptance_assignments SET conclusion = :conclusion, comment = :comment, concluded_at = :at
				WHERE id = :id""")
			.param("conclusion", conclusion.name())
			.param("comment", why)
			.param("at", this.records.now())
			.param("id", assignmentId)
			.update();
		this.records.record(project, user.username(), "ACCEPTANCE_EXPERT_CONCLUDED", conclusion + ": " + why);
		return assignment(assignmentId).orElseThrow();
	}

	/**
	 * The enterprise records the conclusion once every assigned expert has concluded:
	 * pass (awaiting the completion list), fail, or rectify and resubmit (at most the
	 * batch's number of times).
	 */
	@Transactional
	public CompletionView concludeAcceptance(UUID projectId, CurrentUser user, Conclusion conclusion, String comment) {
		ProjectView project = this.records.forStep(projectId, user, Party.ENTERPRISE);
		ProjectRecords.require(project, ProjectStatus.UNDER_ACCEPTANCE);
		CompletionView completion = find(projectId).orElseThrow();
		if (completion.conclusion() != null) {
			throw DomainException.illegalTransition("acceptance has concluded", completion.conclusion());
		}
		if (conclusion == null) {
			throw DomainException.invalid("conclusion", "REQUIRED", "PASS, FAIL or RECTIFY");
		}
		String why = Reasons.required(comment, "comment");
		List<AcceptanceAssignment> current = assignments(projectId).stream()
			.filter(a -> a.attempt() == completion.attempt())
			.toList();
		long waiting = current.stream().filter(a -> a.concludedAt() == null).count();
		if (current.isEmpty() || waiting > 0) {
			throw new DomainException(409, "EXPERTS_NOT_CONCLUDED",
					waiting + " of " + current.size() + " acceptance experts have not concluded", waiting,
					current.size());
		}
		if (conclusion == Conclusion.RECTIFY) {
			int allowed = ProjectRules.of(this.records.batch(project)).maxRectifications();
			if (completion.attempt() > allowed) {
				throw new DomainException(409, "QUOTA_EXCEEDED",
						"a project may be sent back to rectify " + allowed + " times", allowed)
					.detailKey("error.QUOTA_EXCEEDED.rectifications");
			}
		}
		this.jdbc.sql("""
				UPDATE project_completions SET conclusion = :conclusion, conclusion_comment = :comment,
				  concluded_at = :at, version = version + 1 WHERE project_id = :id""")
			.param("conclusion", (conclusion == Conclusion.RECTIFY) ? null : conclusion.name())
			.param("comment", why)
			.param("at", this.records.now())
			.param("id", projectId)
			.update();
		if (conclusion == Conclusion.FAIL) {
			this.records.move(project, ProjectStatus.FAILED);
		}
		else if (conclusion == Conclusion.RECTIFY) {
			this.records.move(project, ProjectStatus.RECTIFYING);
			this.jdbc.sql("UPDATE projects SET rectified = TRUE WHERE id = :id").param("id", projectId).update();
		}
		this.records.record(project, user.username(), "ACCEPTANCE_CONCLUDED", conclusion + ": " + why);
		return find(projectId).orElseThrow();
	}

	private static final String SELECT_ASSIGNMENT = """
			SELECT a.id, a.project_id, a.attempt, a.expert_id, u.display_name, a.conclusion, a.comment, a.assigned_at,
			  a.concluded_at FROM acceptance_assignments a JOIN users u ON u.id = a.expert_id""";

	@Transactional(readOnly = true)
	public List<AcceptanceAssignment> assignments(UUID projectId) {
		return this.jdbc.sql(SELECT_ASSIGNMENT + " WHERE a.project_id = :id ORDER BY a.attempt, a.assigned_at")
			.param("id", projectId)
			.query(Completions::assignment)
			.list();
	}

	private Optional<AcceptanceAssignment> assignment(UUID id) {
		return this.jdbc.sql(SELECT_ASSIGNMENT + " WHERE a.id = :id")
			.param("id", id)
			.query(Completions::assignment)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<CompletionView> find(UUID projectId) {
		Optional<CompletionView> found = this.jdbc.sql("SELECT * FROM project_completions WHERE project_id = :id")
			.param("id", projectId)
			.query((rs, n) -> new CompletionView(projectId, rs.getString("report"), List.of(), List.of(), Money.ZERO,
					rs.getInt("attempt"), Agreements.instant(rs, "submitted_at"), rs.getString("return_reason"),
					Agreements.instant(rs, "consented_at"),
					(rs.getString("conclusion") == null) ? null : Conclusion.valueOf(rs.getString("conclusion")),
					rs.getString("conclusion_comment"), Agreements.instant(rs, "concluded_at"),
					Agreements.instant(rs, "noticed_at"), Agreements.instant(rs, "notice_closed_at"),
					Agreements.instant(rs, "published_at")))
			.optional();
		return found.map(c -> {
			List<Outcome> outcomes = this.jdbc.sql("""
						SELECT kind, title, description, file_id FROM project_outcomes WHERE project_id = :id
					ORDER BY outcome_index""")
				.param("id", projectId)
				.query((rs, n) -> new Outcome(OutcomeKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						rs.getObject(4, UUID.class)))
				.list();
			List<FundUse> usage = this.jdbc.sql("""
					SELECT category, amount FROM project_fund_usage WHERE project_id = :id ORDER BY line_index""")
				.param("id", projectId)
				.query((rs, n) -> new FundUse(rs.getString(1), Money.of(rs.getBigDecimal(2))))
				.list();
			Money used = usage.stream().map(FundUse::amount).reduce(Money.ZERO, Money::plus);
			return new CompletionView(c.projectId(), c.report(), outcomes, usage, used, c.attempt(), c.submittedAt(),
					c.returnReason(), c.consentedAt(), c.conclusion(), c.conclusionComment(), c.concludedAt(),
					c.noticedAt(), c.noticeClosedAt(), c.publishedAt());
		});
	}

	private static AcceptanceAssignment assignment(ResultSet rs, int n) throws SQLException {
		String conclusion = rs.getString(6);
		return new AcceptanceAssignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
				rs.getObject(4, UUID.class), rs.getString(5),
				(conclusion == null) ? null : Conclusion.valueOf(conclusion), rs.getString(7),
				Agreements.instant(rs, "assigned_at"), Agreements.instant(rs, "concluded_at"));
	}

}
