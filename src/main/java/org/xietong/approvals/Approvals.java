package org.xietong.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchView;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.ProjectType;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.notices.NoticeSubjects;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.projects.Projects;
import org.xietong.reviews.Ranking;
import org.xietong.reviews.Rankings;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;
import org.xietong.shared.PageResult;
import org.xietong.shared.Reasons;
import org.xietong.shared.SqlWhere;

/**
 * The department's decisions on the recommended applications of a batch: the queue with
 * its checks, approve (general or key) or reject, one by one or many at once, revert
 * before publication. Every decision in a batch takes the batch's row lock first, so the
 * key-project quota holds however many officers decide at the same moment; a decision
 * that has gone under the approval notice can only be reverted after the notice closes.
 */
@Service
public class Approvals {

	/** What a batch decision does to each application. */
	public enum Action {

		APPROVE_GENERAL, APPROVE_KEY, REJECT

	}

	private static final String ROW_COLUMNS = """
			a.id, a.application_number, a.title, a.project_type, a.guide_id, a.guide_title, a.enterprise_id,
			a.enterprise_name, a.university_id, a.university_name, a.leader_id, a.leader_name, a.budget_total, a.status,
			a.version, d.outcome, d.key_project, d.reason, d.decided_by, d.decided_at, d.noticed_at, d.notice_closed_at,
			d.objection_upheld, d.published_at, p.project_number, a.batch_id""";

	private static final String ROW_FROM = """
			applications a LEFT JOIN approval_decisions d ON d.application_id = a.id
			LEFT JOIN projects p ON p.application_id = a.id""";

	private final JdbcClient jdbc;

	private final BatchManagement batches;

	private final GuideCatalogue guides;

	private final Rankings rankings;

	private final EnterpriseManagement enterprises;

	private final Projects projects;

	private final AuditTrail audit;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	Approvals(JdbcClient jdbc, BatchManagement batches, GuideCatalogue guides, Rankings rankings,
			EnterpriseManagement enterprises, Projects projects, AuditTrail audit,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.guides = guides;
		this.rankings = rankings;
		this.enterprises = enterprises;
		this.projects = projects;
		this.audit = audit;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	static void requireDepartment(CurrentUser user) {
		if (user == null || !user.has(Role.DEPARTMENT_OFFICER)) {
			throw new AccessDeniedException("for the department");
		}
	}

	// Reading.

	/**
	 * One page of the batch's recommended applications (and those decided since), by
	 * enterprise and guide, each with its review, decision and checks.
	 * @param state {@code PENDING}, {@code APPROVED}, {@code KEY}, {@code REJECTED},
	 * {@code PUBLISHED} or {@code null} for all
	 */
	@Transactional(readOnly = true)
	public PageResult<QueueItem> queue(UUID batchId, CurrentUser user, QueueFilter filter, int page, int size) {
		requireDepartment(user);
		PageResult.check(page, size);
		BatchView batch = batch(batchId);
		SqlWhere where = where(batchId, filter);
		long total = where.bind(this.jdbc.sql("SELECT COUNT(*) FROM " + ROW_FROM + " WHERE " + where.sql()))
			.query(Long.class)
			.single();
		List<Row> rows = where
			.bind(this.jdbc.sql("SELECT " + ROW_COLUMNS + " FROM " + ROW_FROM + " WHERE " + where.sql()
					+ " ORDER BY a.enterprise_name, a.enterprise_id, a.guide_title, a.guide_id, a.application_number"
					+ " LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Approvals::row)
			.list();
		Context context = new Context(batch);
		return new PageResult<>(rows.stream().map(row -> item(row, context)).toList(), page, size, total);
	}

	/**
	 * Every item the filter finds, for an export (at most
	 * {@link Projects#MAX_EXPORT_ROWS}).
	 */
	@Transactional(readOnly = true)
	public void forEach(UUID batchId, CurrentUser user, QueueFilter filter,
			java.util.function.Consumer<QueueItem> sink) {
		requireDepartment(user);
		BatchView batch = batch(batchId);
		SqlWhere where = where(batchId, filter);
		Context context = new Context(batch);
		where
			.bind(this.jdbc.sql("SELECT " + ROW_COLUMNS + " FROM " + ROW_FROM + " WHERE " + where.sql()
					+ " ORDER BY a.enterprise_name, a.enterprise_id, a.guide_title, a.guide_id, a.application_number"
					+ " LIMIT " + Projects.MAX_EXPORT_ROWS))
			.query(Approvals::row)
			.stream()
			.forEach(row -> sink.accept(item(row, context)));
	}

	/** One recommended (or decided) application, as the department decides on it. */
	@Transactional(readOnly = true)
	public QueueItem item(UUID applicationId, CurrentUser user) {
		requireDepartment(user);
		Row row = row(applicationId).orElseThrow(() -> DomainException.notFound("application"));
		return item(row, new Context(batch(row.batchId())));
	}

	/** The batch's key projects so far against its quota. */
	@Transactional(readOnly = true)
	public KeyQuota keyQuota(UUID batchId) {
		return new KeyQuota(keyCount(batchId, null), batch(batchId).rules().keyProjectQuota());
	}

	/** How far the batch's decisions are: what the department's page and tasks show. */
	@Transactional(readOnly = true)
	public Progress progress(UUID batchId) {
		batch(batchId);
		Map<String, Long> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT " + STATE_SQL + ", COUNT(*) FROM " + ROW_FROM + " WHERE a.batch_id = :batch"
					+ " AND a.status IN ('RECOMMENDED', 'APPROVED', 'REJECTED') GROUP BY " + STATE_SQL)
			.param("batch", batchId)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		long awaitingNotice = this.jdbc.sql("""
				SELECT COUNT(*) FROM approval_decisions WHERE batch_id = :batch AND outcome = 'APPROVED'
				AND published_at IS NULL AND noticed_at IS NULL""").param("batch", batchId).query(Long.class).single();
		long underNotice = this.jdbc.sql("""
				SELECT COUNT(*) FROM approval_decisions WHERE batch_id = :batch AND outcome = 'APPROVED'
				AND published_at IS NULL AND noticed_at IS NOT NULL AND notice_closed_at IS NULL""")
			.param("batch", batchId)
			.query(Long.class)
			.single();
		return new Progress(counts.getOrDefault("PENDING", 0L), counts.getOrDefault("APPROVED", 0L),
				counts.getOrDefault("KEY", 0L), counts.getOrDefault("REJECTED", 0L),
				counts.getOrDefault("PUBLISHED", 0L), awaitingNotice, underNotice, keyQuota(batchId));
	}

	/**
	 * How far a batch's decisions are.
	 *
	 * @param pending recommended, not yet decided
	 * @param approved approved as general projects, not yet published
	 * @param key approved as key projects, not yet published
	 * @param rejected rejected, not yet published
	 * @param published decided and published
	 * @param awaitingNotice approvals not yet under an approval notice
	 * @param underNotice approvals under a notice that has not closed
	 */
	public record Progress(long pending, long approved, long key, long rejected, long published, long awaitingNotice,
			long underNotice, KeyQuota keyQuota) {

		/** Whether publication would publish something now and nothing holds it back. */
		public boolean readyToPublish() {
			return this.pending == 0 && this.awaitingNotice == 0 && this.underNotice == 0
					&& (this.approved + this.key + this.rejected) > 0;
		}

	}

	// Deciding.

	/** Approves a recommended application, as a key project or a general one. */
	@Transactional
	public QueueItem approve(UUID applicationId, CurrentUser user, boolean key) {
		requireDepartment(user);
		Row row = lockedRow(applicationId);
		decide(row, user, key ? Action.APPROVE_KEY : Action.APPROVE_GENERAL, null);
		return item(row(applicationId).orElseThrow(), new Context(batch(row.batchId())));
	}

	/** Rejects a recommended application with a reason. */
	@Transactional
	public QueueItem reject(UUID applicationId, CurrentUser user, String reason) {
		requireDepartment(user);
		Row row = lockedRow(applicationId);
		decide(row, user, Action.REJECT, reason);
		return item(row(applicationId).orElseThrow(), new Context(batch(row.batchId())));
	}

	/**
	 * Decides many applications of a batch the same way, all or none: when any may not be
	 * decided so, nothing changes and every refusal is listed.
	 */
	@Transactional
	public List<QueueItem> decideAll(UUID batchId, CurrentUser user, List<UUID> applicationIds, Action action,
			String reason) {
		requireDepartment(user);
		List<FieldViolation> violations = new ArrayList<>();
		if (action == null) {
			violations.add(new FieldViolation("action", "REQUIRED", "APPROVE_GENERAL, APPROVE_KEY or REJECT"));
		}
		else if (action == Action.REJECT && (reason == null || reason.isBlank())) {
			// Once for the request, not once for each application.
			violations.add(new FieldViolation("reason", "REQUIRED", "give a reason"));
		}
		if (applicationIds == null || applicationIds.isEmpty()) {
			violations.add(new FieldViolation("applicationIds", "REQUIRED", "name at least one application"));
		}
		else if (applicationIds.size() > PageResult.MAX_SIZE) {
			violations.add(new FieldViolation("applicationIds", "TOO_MANY", "at most " + PageResult.MAX_SIZE));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		batch(batchId);
		lockRound(batchId);
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
		DomainException quota = null;
		for (UUID id : ids) {
			Optional<Row> row = row(id).filter(r -> r.batchId().equals(batchId));
			if (row.isEmpty()) {
				violations.add(new FieldViolation("applicationIds", "UNKNOWN_APPLICATION", id + " not found"));
				continue;
			}
			try {
				decide(row.get(), user, action, reason);
			}
			catch (DomainException refused) {
				if (refused.code().equals("QUOTA_EXCEEDED")) {
					quota = refused;
				}
				if (refused.violations().isEmpty()) {
					violations.add(new FieldViolation("applicationIds", refused.code(),
							row.get().title() + ": " + refused.getMessage()));
				}
				else {
					refused.violations()
						.forEach(v -> violations.add(new FieldViolation("applicationIds", v.code(),
								row.get().title() + ": " + v.message())));
				}
			}
		}
		if (!violations.isEmpty()) {
			if (quota != null) {
				// The quota's refusal, with every application's refusal listed.
				throw new DomainException(409, "QUOTA_EXCEEDED", violations, quota.getMessage(), quota.args())
					.detailKey("error.QUOTA_EXCEEDED.key");
			}
			throw DomainException.invalid(violations);
		}
		Context context = new Context(batch(batchId));
		return ids.stream().map(id -> item(row(id).orElseThrow(), context)).toList();
	}

	/**
	 * Takes a decision back before publication, with a reason: a key place is freed; an
	 * approval that was under notice must go under a notice again when approved anew.
	 */
	@Transactional
	public QueueItem revert(UUID applicationId, CurrentUser user, String reason) {
		requireDepartment(user);
		String why = Reasons.required(reason);
		Row row = lockedRow(applicationId);
		Decision decision = row.decision();
		if (decision == null) {
			throw DomainException.illegalTransition("there is no decision to revert", "—");
		}
		refuseIfSettled(decision);
		this.jdbc.sql("DELETE FROM approval_decisions WHERE application_id = :id").param("id", applicationId).update();
		this.audit.record(AuditEvent.of("APPROVAL_DECISION_REVERTED", "Application", applicationId)
			.before(describe(decision))
			.after("no decision; reason=" + why));
		return item(row(applicationId).orElseThrow(), new Context(batch(row.batchId())));
	}

	private void decide(Row row, CurrentUser user, Action action, String reason) {
		if (!row.status().equals("RECOMMENDED")) {
			throw DomainException.illegalTransition(
					"only a recommended application may be decided; this one is " + row.status(), row.status());
		}
		Decision before = row.decision();
		if (before != null) {
			refuseIfSettled(before);
			if (before.noticedAt() != null) {
				throw DomainException
					.illegalTransition("the approval has been under its notice: revert it before deciding anew", "")
					.detailKey("error.ILLEGAL_TRANSITION.noticed");
			}
		}
		String why = null;
		if (action == Action.REJECT) {
			why = Reasons.required(reason);
		}
		else if (reason != null && reason.length() > Reasons.MAX) {
			throw DomainException.invalid("reason", "TOO_LONG", "at most " + Reasons.MAX + " characters");
		}
		else if (reason != null && !reason.isBlank()) {
			why = reason.strip();
		}
		BatchView batch = batch(row.batchId());
		if (action != Action.REJECT) {
			List<FieldViolation> failed = checks(row, new Context(batch)).stream()
				.filter(check -> check.blocking() && !check.passed())
				.map(check -> new FieldViolation("checks", check.code(), check.detail()))
				.toList();
			if (!failed.isEmpty()) {
				throw new DomainException(409, "APPROVAL_CHECK_FAILED", failed,
						"the application fails checks: " + failed.stream().map(FieldViolation::message).toList(),
						String.join("；", failed.stream().map(FieldViolation::message).toList()));
			}
		}
		boolean key = action == Action.APPROVE_KEY;
		if (key) {
			long used = keyCount(row.batchId(), row.applicationId());
			int quota = batch.rules().keyProjectQuota();
			if (used >= quota) {
				throw new DomainException(409, "QUOTA_EXCEEDED",
						"the batch's " + quota + " key projects are all given (" + used + ")", used, quota)
					.detailKey("error.QUOTA_EXCEEDED.key");
			}
		}
		String outcome = (action == Action.REJECT) ? Decision.REJECTED : Decision.APPROVED;
		OffsetDateTime now = now();
		this.jdbc.sql("DELETE FROM approval_decisions WHERE application_id = :id")
			.param("id", row.applicationId())
			.update();
		this.jdbc.sql("""
				INSERT INTO approval_decisions (application_id, batch_id, outcome, key_project, reason, decided_by,
				  decided_at, objection_upheld, version)
				VALUES (:id, :batch, :outcome, :key, :reason, :by, :at, FALSE, 0)""")
			.param("id", row.applicationId())
			.param("batch", row.batchId())
			.param("outcome", outcome)
			.param("key", key)
			.param("reason", why)
			.param("by", user.username())
			.param("at", now)
			.update();
		this.audit.record(AuditEvent.of("APPROVAL_DECIDED", "Application", row.applicationId())
			.before((before == null) ? "no decision" : describe(before))
			.after(outcome + (key ? " (key)" : "") + ((why == null) ? "" : "; reason=" + why)));
	}

	private static void refuseIfSettled(Decision decision) {
		if (decision.published()) {
			throw DomainException.illegalTransition("the decision is published", "PUBLISHED")
				.detailKey("error.ILLEGAL_TRANSITION.published");
		}
		if (decision.underOpenNotice()) {
			throw DomainException.illegalTransition("the approval is under its notice until it closes", "")
				.detailKey("error.ILLEGAL_TRANSITION.underNotice");
		}
		if (decision.objectionUpheld()) {
			throw DomainException.illegalTransition("an upheld objection decided it", "")
				.detailKey("error.ILLEGAL_TRANSITION.objection");
		}
	}

	private static String describe(Decision decision) {
		return decision.outcome() + (decision.key() ? " (key)" : "")
				+ ((decision.reason() == null) ? "" : "; reason=" + decision.reason());
	}

	// The approval notice (APPROVALS), as the notices module asks.

	/** Puts approvals of the batch under notice; answers them as the public sees them. */
	List<NoticeSubjects.NoticeSubject> putUnderNotice(UUID batchId, List<UUID> applicationIds) {
		batch(batchId);
		lockRound(batchId);
		List<FieldViolation> violations = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (UUID id : applicationIds) {
			Optional<Row> row = row(id).filter(r -> r.batchId().equals(batchId));
			Decision decision = row.map(Row::decision).orElse(null);
			if (decision == null || !decision.approved() || decision.published()) {
				violations.add(new FieldViolation("subjectIds", "NOT_APPROVED", id + " is not an approval to publish"));
			}
			else if (decision.noticedAt() != null) {
				violations.add(new FieldViolation("subjectIds", "ALREADY_UNDER_NOTICE",
						row.get().title() + " has been under a notice"));
			}
			else {
				rows.add(row.get());
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		for (Row row : rows) {
			this.jdbc
				.sql("UPDATE approval_decisions SET noticed_at = :at, version = version + 1 WHERE application_id = :id")
				.param("at", now())
				.param("id", row.applicationId())
				.update();
		}
		return rows.stream()
			.map(row -> new NoticeSubjects.NoticeSubject(row.applicationId(), row.title(),
					String.join(" · ", row.decision().key() ? "重点项目" : "一般项目", row.enterpriseName(), row.leaderName(),
							row.universityName())))
			.toList();
	}

	/** An upheld objection turns the approval into a rejection, freeing a key place. */
	void objectionUpheld(UUID applicationId, String response) {
		row(applicationId).ifPresent(row -> {
			lockRound(row.batchId());
			String reason = "公示异议成立 (objection upheld): " + response;
			this.jdbc
				.sql("""
						UPDATE approval_decisions SET outcome = 'REJECTED', key_project = FALSE, reason = :reason,
						  objection_upheld = TRUE, version = version + 1 WHERE application_id = :id AND published_at IS NULL""")
				.param("reason", (reason.length() > Reasons.MAX) ? reason.substring(0, Reasons.MAX) : reason)
				.param("id", applicationId)
				.update();
			this.audit.record(AuditEvent.of("APPROVAL_REVOKED_BY_OBJECTION", "Application", applicationId)
				.before((row.decision() == null) ? "no decision" : describe(row.decision()))
				.after("REJECTED; " + reason));
		});
	}

	/** The notice closed: its standing approvals may be published. */
	void noticeClosed(List<UUID> standing) {
		for (UUID id : standing) {
			this.jdbc.sql("""
					UPDATE approval_decisions SET notice_closed_at = :at, version = version + 1
					WHERE application_id = :id AND outcome = 'APPROVED' AND noticed_at IS NOT NULL""")
				.param("at", now())
				.param("id", id)
				.update();
		}
	}

	// The round: the batch's lock.

	/**
	 * Takes the batch's row lock until the transaction ends, making the row first when
	 * this is the batch's first decision (in a transaction of its own, so that two first
	 * deciders do not collide).
	 */
	void lockRound(UUID batchId) {
		if (touchRound(batchId) == 0) {
			try {
				this.newTransaction.executeWithoutResult(status -> this.jdbc.sql("""
						INSERT INTO approval_rounds (batch_id, published_count, version) VALUES (:batch, 0, 0)""")
					.param("batch", batchId)
					.update());
			}
			catch (DuplicateKeyException madeByAnother) {
				// Another decider made it first: the lock below waits for it.
			}
			touchRound(batchId);
		}
	}

	private int touchRound(UUID batchId) {
		return this.jdbc.sql("UPDATE approval_rounds SET version = version + 1 WHERE batch_id = :batch")
			.param("batch", batchId)
			.update();
	}

	private Row lockedRow(UUID applicationId) {
		Row row = row(applicationId).orElseThrow(() -> DomainException.notFound("application"));
		lockRound(row.batchId());
		// Read again under the lock: another officer may have decided meanwhile.
		return row(applicationId).orElseThrow();
	}

	private long keyCount(UUID batchId, UUID except) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM approval_decisions WHERE batch_id = :batch AND outcome = 'APPROVED' AND key_project
				AND application_id <> :except""")
			.param("batch", batchId)
			.param("except", (except != null) ? except : new UUID(0, 0))
			.query(Long.class)
			.single();
	}

	// Rows, items and checks.

	private static final String STATE_SQL = """
			CASE WHEN d.published_at IS NOT NULL THEN 'PUBLISHED' WHEN d.outcome IS NULL THEN 'PENDING'
			WHEN d.outcome = 'REJECTED' THEN 'REJECTED' WHEN d.key_project THEN 'KEY' ELSE 'APPROVED' END""";

	Optional<Row> row(UUID applicationId) {
		return this.jdbc
			.sql("SELECT " + ROW_COLUMNS + " FROM " + ROW_FROM
					+ " WHERE a.id = :id AND a.status IN ('RECOMMENDED', 'APPROVED', 'REJECTED')")
			.param("id", applicationId)
			.query(Approvals::row)
			.optional();
	}

	/** The batch's recommended applications with their decisions, in one statement. */
	List<Row> recommended(UUID batchId) {
		return this.jdbc
			.sql("SELECT " + ROW_COLUMNS + " FROM " + ROW_FROM
					+ " WHERE a.batch_id = :batch AND a.status = 'RECOMMENDED'")
			.param("batch", batchId)
			.query(Approvals::row)
			.list();
	}

	private static SqlWhere where(UUID batchId, QueueFilter filter) {
		QueueFilter f = (filter == null) ? QueueFilter.none() : filter;
		String state = (f.state() == null || f.state().isBlank()) ? null : f.state().strip().toUpperCase(Locale.ROOT);
		return new SqlWhere("a.batch_id = :batch AND a.status IN ('RECOMMENDED', 'APPROVED', 'REJECTED')")
			.with("batch", batchId)
			.and(STATE_SQL + " = :state", "state", state)
			.and("a.project_type = :type", "type", (f.type() == null) ? null : f.type().name())
			.and("a.enterprise_id = :enterprise", "enterprise", f.enterpriseId())
			.and("a.university_id = :university", "university", f.universityId())
			.contains("a.search_text", "text", f.text());
	}

	/**
	 * What the department filters the queue by.
	 *
	 * @param state {@code PENDING}, {@code APPROVED}, {@code KEY}, {@code REJECTED},
	 * {@code PUBLISHED}, or {@code null}
	 */
	public record QueueFilter(String state, ProjectType type, UUID enterpriseId, UUID universityId, String text) {

		public static QueueFilter none() {
			return new QueueFilter(null, null, null, null, null);
		}

	}

	private QueueItem item(Row row, Context context) {
		GuideView guide = context.guide(row.guideId());
		Ranking.Item ranked = context.ranking(row.guideId())
			.flatMap(ranking -> ranking.items()
				.stream()
				.filter(item -> item.applicationId().equals(row.applicationId()))
				.findFirst())
			.orElse(null);
		int ranked0 = context.ranking(row.guideId()).map(ranking -> ranking.items().size()).orElse(0);
		QueueItem.Review review = (ranked == null) ? null : new QueueItem.Review(ranked.rank(), ranked0, ranked.score(),
				ranked.expertCount(), ranked.disagreement());
		Decision decision = row.decision();
		String state = (decision == null) ? "PENDING" : decision.published() ? "PUBLISHED"
				: !decision.approved() ? "REJECTED" : decision.key() ? "KEY" : "APPROVED";
		List<Check> checks = row.status().equals("RECOMMENDED") ? checks(row, context) : List.of();
		return new QueueItem(row.applicationId(), row.number(), row.title(), row.type(), row.guideId(),
				row.guideTitle(), row.enterpriseId(), row.enterpriseName(), row.universityId(), row.universityName(),
				row.leaderId(), row.leaderName(), row.budgetTotal(), (guide == null) ? null : guide.cashPerProject(),
				(guide == null) ? null : guide.hardwareSoftwarePerProject(), row.status(), state, review, decision,
				checks, row.projectNumber(), row.version());
	}

	private List<Check> checks(Row row, Context context) {
		List<Check> checks = new ArrayList<>();
		GuideView guide = context.guide(row.guideId());
		boolean published = guide != null && guide.status() == GuideStatus.PUBLISHED;
		Money cash = (guide == null) ? Money.ZERO : guide.cashPerProject();
		boolean funding = published && row.budgetTotal().compareTo(cash) == 0;
		checks.add(new Check("FUNDING", funding, false,
				published
						? "budget " + row.budgetTotal() + ", the guide offers " + cash + " cash and "
								+ guide.hardwareSoftwarePerProject() + " in hardware/software per project"
						: "the guide is no longer published",
				List.of(row.budgetTotal().toString(), cash.toString(),
						(guide == null) ? "0.00" : guide.hardwareSoftwarePerProject().toString())));
		boolean eligible = context.eligible(row.enterpriseId());
		checks.add(new Check("ENTERPRISE_ELIGIBLE", eligible, true,
				eligible ? row.enterpriseName() + " may take part in the batch"
						: row.enterpriseName() + " may no longer take part in the batch (not approved, blacklisted, "
								+ "or its credit report is missing)",
				List.of(row.enterpriseName())));
		long led = this.projects.inProgress(row.leaderId()) + this.jdbc.sql("""
				SELECT COUNT(*) FROM approval_decisions d JOIN applications a ON a.id = d.application_id
				WHERE a.leader_id = :leader AND d.outcome = 'APPROVED' AND d.published_at IS NULL
				AND d.application_id <> :id""")
			.param("leader", row.leaderId())
			.param("id", row.applicationId())
			.query(Long.class)
			.single();
		int limit = context.batch().rules().maxProjectsInProgressPerTeacher();
		checks.add(new Check("TEACHER_LIMIT", led < limit, true,
				row.leaderName() + " leads " + led + " projects in progress or approved; the limit is " + limit,
				List.of(row.leaderName(), Long.toString(led), Integer.toString(limit))));
		String selection = context.ranking(row.guideId()).map(Ranking::selectionState).orElse("NONE");
		checks.add(
				new Check("RESULT_NOTICE_CLOSED", selection.equals("CLOSED"), true,
						selection.equals("CLOSED") ? "the enterprise's result notice closed with no objection open"
								: "the enterprise's result notice has not closed (" + selection + ")",
						List.of(selection)));
		return checks;
	}

	private BatchView batch(UUID batchId) {
		return this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** What one reading of the queue looks up once per guide and enterprise. */
	private final class Context {

		private final BatchView batch;

		private final Map<UUID, Optional<GuideView>> guides = new HashMap<>();

		private final Map<UUID, Optional<Ranking>> rankings = new HashMap<>();

		private final Map<UUID, Boolean> eligible = new HashMap<>();

		Context(BatchView batch) {
			this.batch = batch;
		}

		BatchView batch() {
			return this.batch;
		}

		GuideView guide(UUID id) {
			return this.guides.computeIfAbsent(id, Approvals.this.guides::find).orElse(null);
		}

		Optional<Ranking> ranking(UUID guideId) {
			return this.rankings.computeIfAbsent(guideId, id -> {
				GuideView guide = guide(id);
				return (guide == null) ? Optional.empty() : Approvals.this.rankings.forDepartment(guide);
			});
		}

		boolean eligible(UUID enterpriseId) {
			return this.eligible.computeIfAbsent(enterpriseId,
					id -> Approvals.this.enterprises.eligibility(id, this.batch).eligible());
		}

	}

	record Row(UUID applicationId, String number, String title, ProjectType type, UUID guideId, String guideTitle,
			UUID enterpriseId, String enterpriseName, UUID universityId, String universityName, UUID leaderId,
			String leaderName, Money budgetTotal, String status, long version, Decision decision, String projectNumber,
			UUID batchId) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		Decision decision = (outcome == null) ? null
				: new Decision(outcome, rs.getBoolean("key_project"), rs.getString("reason"),
						rs.getString("decided_by"), instant(rs, "decided_at"), instant(rs, "noticed_at"),
						instant(rs, "notice_closed_at"), rs.getBoolean("objection_upheld"),
						instant(rs, "published_at"));
		return new Row(rs.getObject("id", UUID.class), rs.getString("application_number"), rs.getString("title"),
				ProjectType.valueOf(rs.getString("project_type")), rs.getObject("guide_id", UUID.class),
				rs.getString("guide_title"), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
				rs.getObject("university_id", UUID.class), rs.getString("university_name"),
				rs.getObject("leader_id", UUID.class), rs.getString("leader_name"),
				Money.of(rs.getBigDecimal("budget_total")), rs.getString("status"), rs.getLong("version"), decision,
				rs.getString("project_number"), rs.getObject("batch_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

}
