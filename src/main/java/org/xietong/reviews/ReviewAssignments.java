package org.xietong.reviews;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationReview;
import org.xietong.applications.ApplicationStatus;
import org.xietong.applications.ApplicationSummary;
import org.xietong.applications.ApplicationView;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.guides.GuideView;
import org.xietong.organizations.ExpertManagement;
import org.xietong.organizations.ExpertView;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * Who scores what: manual and automatic assignment (never a conflicted expert, each
 * expert within the plan's cap, the load spread evenly), the expert's acceptance or
 * decline, and the scores, saved as a draft and submitted before the deadline.
 */
@Service
public class ReviewAssignments {

	private static final String COLUMNS = """
			a.id, a.application_id, a.guide_id, a.expert_id, a.status, a.decline_reason, a.comment, a.assigned_at,
			a.submitted_at, a.version, a.enterprise_id, u.display_name, p.scoring_deadline, ap.title AS application_title""";

	/**
	 * The assignment, its expert's name, its plan's deadline and its application's title,
	 * in one read.
	 */
	private static final String FROM = " FROM review_assignments a JOIN users u ON u.id = a.expert_id"
			+ " JOIN review_plans p ON p.guide_id = a.guide_id JOIN applications ap ON ap.id = a.application_id";

	private final JdbcClient jdbc;

	private final ReviewPlans plans;

	private final Conflicts conflicts;

	private final ApplicationQueries applications;

	private final ApplicationReview review;

	private final ExpertManagement experts;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReviewOpening opening;

	ReviewAssignments(JdbcClient jdbc, ReviewPlans plans, Conflicts conflicts, ApplicationQueries applications,
			ApplicationReview review, ExpertManagement experts, OrganizationManagement organizations, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, ReviewOpening opening) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.conflicts = conflicts;
		this.applications = applications;
		this.review = review;
		this.experts = experts;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.opening = opening;
	}

	/**
	 * Assigns an expert of the enterprise's pool (its own or the department's) to an
	 * endorsed application to its guide: {@code CONFLICT_OF_INTEREST} when they conflict,
	 * {@code QUOTA_EXCEEDED} when the expert has reached the plan's cap or the
	 * application has all its experts.
	 */
	@Transactional
	public AssignmentPlanView assign(UUID applicationId, UUID expertId, CurrentUser user) {
		ApplicationView application = ownApplication(applicationId, user);
		ReviewPlan plan = this.plans.required(application.guideId());
		lockGuide(application.guideId());
		ExpertView expert = pool(user).stream()
			.filter(e -> e.id().equals(expertId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("expert"));
		List<Conflict> found = this.conflicts.between(expert, application);
		if (!found.isEmpty()) {
			throw conflictOfInterest(expert, found);
		}
		if (assignedExperts(applicationId, true).contains(expertId)) {
			throw new DomainException(409, "ALREADY_ASSIGNED", "the expert was assigned to this application before");
		}
		if (assignedExperts(applicationId, false).size() >= plan.expertsPerApplication()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					"the application has its " + plan.expertsPerApplication() + " experts",
					plan.expertsPerApplication())
				.detailKey("error.QUOTA_EXCEEDED.experts");
		}
		int load = loads(plan.batchId()).getOrDefault(expertId, 0);
		if (load >= plan.maxPerExpert()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					expert.displayName() + " already scores " + load + " applications, the cap is "
							+ plan.maxPerExpert(),
					expert.displayName(), load, plan.maxPerExpert())
				.detailKey("error.QUOTA_EXCEEDED.expertLoad");
		}
		insert(application, expert, plan, user.username());
		return new AssignmentPlanView(
				List.of(new AssignmentPlanView.Item(applicationId, expertId, expert.displayName())), List.of(), true,
				true);
	}

	/**
	 * Plans the experts of every endorsed application to the guide that still lacks some;
	 * a dry run changes nothing, otherwise the plan is applied whole, or refused with
	 * {@code INSUFFICIENT_EXPERTS} naming the applications that cannot be covered.
	 */
	@Transactional
	public AssignmentPlanView auto(UUID guideId, boolean dryRun, CurrentUser user) {
		GuideView guide = this.plans.ownGuide(guideId, user);
		ReviewPlan plan = this.plans.required(guideId);
		lockGuide(guideId);
		List<ExpertView> pool = pool(user);
		Map<UUID, ExpertView> byId = new HashMap<>();
		pool.forEach(expert -> byId.put(expert.id(), expert));
		Map<UUID, Integer> loads = loads(plan.batchId());
		List<AssignmentPlanner.Need> needs = new ArrayList<>();
		Map<UUID, ApplicationView> views = new LinkedHashMap<>();
		for (ApplicationSummary summary : inReview(guide)) {
			ApplicationView application = this.applications.forReview(summary.id()).orElseThrow();
			views.put(application.id(), application);
			int missing = plan.expertsPerApplication() - assignedExperts(application.id(), false).size();
			if (missing <= 0) {
				continue;
			}
			Set<UUID> ever = assignedExperts(application.id(), true);
			Set<UUID> manual = this.conflicts.manual(application.id());
			Set<UUID> allowed = new HashSet<>();
			for (ExpertView expert : pool) {
				if (!ever.contains(expert.id()) && Conflicts.between(expert, application, manual).isEmpty()) {
					allowed.add(expert.id());
				}
			}
			needs.add(new AssignmentPlanner.Need(application.id(), missing, allowed));
		}
		List<AssignmentPlanner.Expert> candidates = pool.stream()
			.map(expert -> new AssignmentPlanner.Expert(expert.id(), loads.getOrDefault(expert.id(), 0),
					plan.maxPerExpert()))
			.toList();
		AssignmentPlanner.Plan planned = AssignmentPlanner.plan(needs, candidates);
		List<AssignmentPlanView.Item> items = planned.pairs()
			.stream()
			.map(pair -> new AssignmentPlanView.Item(pair.applicationId(), pair.expertId(),
					byId.get(pair.expertId()).displayName()))
			.toList();
		List<AssignmentPlanView.Short> shortOf = planned.shortOf()
			.entrySet()
			.stream()
			.map(entry -> new AssignmentPlanView.Short(entry.getKey(), entry.getValue()))
			.toList();
		if (dryRun) {
			return new AssignmentPlanView(items, shortOf, planned.complete(), false);
		}
		if (!planned.complete()) {
			List<FieldViolation> violations = shortOf.stream()
				.map(s -> new FieldViolation("applications." + s.applicationId(), "NOT_ENOUGH_EXPERTS",
						views.get(s.applicationId()).title() + ": " + s.missing() + " more experts needed"))
				.toList();
			throw new DomainException(409, "INSUFFICIENT_EXPERTS", violations,
					shortOf.size() + " applications cannot get all their experts within the caps", shortOf.size());
		}
		for (AssignmentPlanner.Pair pair : planned.pairs()) {
			insert(views.get(pair.applicationId()), byId.get(pair.expertId()), plan, user.username());
		}
		return new AssignmentPlanView(items, List.of(), true, true);
	}

	/**
	 * The enterprise adds a conflict by hand; an unsubmitted assignment of the pair ends.
	 */
	@Transactional
	public void addConflict(UUID applicationId, UUID expertId, String reason, CurrentUser user) {
		ownApplication(applicationId, user);
		pool(user).stream()
			.filter(e -> e.id().equals(expertId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("expert"));
		this.conflicts.add(applicationId, expertId, reason, user.username());
		this.jdbc.sql("""
				UPDATE review_assignments SET status = 'DECLINED', decline_reason = :reason, updated_at = :at,
				  version = version + 1
				WHERE application_id = :application AND expert_id = :expert AND status IN ('ASSIGNED', 'ACCEPTED')""")
			.param("reason", "conflict added by the enterprise: " + reason.strip())
			.param("at", now())
			.param("application", applicationId)
			.param("expert", expertId)
			.update();
	}

	/** The assignments on a guide of the enterprise, by application. */
	@Transactional(readOnly = true)
	public List<AssignmentView> forGuide(UUID guideId, CurrentUser user) {
		this.plans.ownGuide(guideId, user);
		return this.jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE a.guide_id = :guide ORDER BY a.application_id, "
					+ "a.assigned_at")
			.param("guide", guideId)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(this::complete)
			.toList();
	}

	/** The expert's own assignments, soonest deadline first, optionally of one status. */
	@Transactional(readOnly = true)
	public PageResult<AssignmentView> forExpert(CurrentUser user, String status, int page, int size) {
		ReviewAccess.requireExpert(user);
		PageResult.check(page, size);
		String where = " WHERE a.expert_id = :expert"
				+ ((status == null || status.isBlank()) ? "" : " AND a.status = :status");
		Map<String, Object> params = new HashMap<>();
		params.put("expert", user.id());
		if (status != null && !status.isBlank()) {
			params.put("status", status.strip().toUpperCase(java.util.Locale.ROOT));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM review_assignments a" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AssignmentView> items = this.jdbc
			.sql("SELECT " + COLUMNS + FROM + where
					+ " ORDER BY p.scoring_deadline, a.assigned_at, a.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(this::complete)
			.toList();
		return new PageResult<>(items, page, size, total);
	}

	/** One assignment: for its expert, or for the enterprise whose guide it serves. */
	@Transactional(readOnly = true)
	public AssignmentView get(UUID id, CurrentUser user) {
		return complete(visible(id, user));
	}

	/**
	 * What the expert reviews: the application (its content and attachments, nothing of
	 * the other experts) and the plan's criteria.
	 */
	@Transactional(readOnly = true)
	public ReviewSheet sheet(UUID id, CurrentUser user) {
		ReviewAccess.requireExpert(user);
		AssignmentView assignment = get(id, user);
		ApplicationView application = this.applications.forReview(assignment.applicationId())
			.orElseThrow(() -> DomainException.notFound("assignment"));
		ReviewPlan plan = this.plans.find(assignment.guideId()).orElseThrow();
		return new ReviewSheet(assignment, plan.criteria(), application);
	}

	/** An attachment of the application an expert is assigned to. */
	@Transactional(readOnly = true)
	public ApplicationQueries.Download attachment(UUID id, UUID attachmentId, CurrentUser user) {
		AssignmentView assignment = get(id, user);
		return this.applications.attachmentForReview(assignment.applicationId(), attachmentId);
	}

	/** The expert accepts, confirming that it has no conflict with the application. */
	@Transactional
	public AssignmentView accept(UUID id, CurrentUser user, boolean noConflict) {
		AssignmentView assignment = own(id, user);
		if (!noConflict) {
			throw DomainException.invalid("noConflict", "CONFIRMATION_REQUIRED",
					"confirm that you have no conflict of interest, or decline");
		}
		requireStatus(assignment, "ASSIGNED");
		this.jdbc.sql("""
				UPDATE review_assignments SET status = 'ACCEPTED', no_conflict_confirmed_at = :at, updated_at = :at,
				  version = version + 1 WHERE id = :id""").param("at", now()).param("id", id).update();
		this.audit.record(AuditEvent.of("REVIEW_ASSIGNMENT_ACCEPTED", "ReviewAssignment", id)
			.before("ASSIGNED")
			.after("ACCEPTED, no conflict confirmed"));
		return get(id, user);
	}

	/** The expert declines, with a reason; the enterprise assigns another. */
	@Transactional
	public AssignmentView decline(UUID id, CurrentUser user, String reason) {
		AssignmentView assignment = own(id, user);
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw DomainException.invalid("reason", "REQUIRED", "a reason of at most 2000 characters");
		}
		if (!assignment.status().equals("ASSIGNED") && !assignment.status().equals("ACCEPTED")) {
			throw DomainException
				.illegalTransition("an assignment in status " + assignment.status() + " cannot be declined");
		}
		this.jdbc.sql("""
				UPDATE review_assignments SET status = 'DECLINED', decline_reason = :reason, updated_at = :at,
				  version = version + 1 WHERE id = :id""")
			.param("reason", reason.strip())
			.param("at", now())
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM review_scores WHERE assignment_id = :id").param("id", id).update();
		this.audit.record(AuditEvent.of("REVIEW_ASSIGNMENT_DECLINED", "ReviewAssignment", id)
			.before(assignment.status())
			.after("DECLINED: " + reason.strip()));
		this.events.publishEvent(new AssignmentDeclined(id, assignment.guideId(), find(id).orElseThrow().enterpriseId(),
				assignment.expertName(), assignment.applicationTitle(), reason.strip()));
		return get(id, user);
	}

	/**
	 * Scores an accepted assignment: each criterion within its range; a draft may leave
	 * some out, a submission names every one. Refused before the batch's application
	 * window has closed ({@code NOT_YET_OPEN}) and after the scoring deadline.
	 */
	@Transactional
	public AssignmentView score(UUID id, CurrentUser user, List<AssignmentView.Score> scores, String comment,
			boolean submit) {
		AssignmentView assignment = own(id, user);
		if (assignment.status().equals("ASSIGNED")) {
			throw new DomainException(409, "ASSIGNMENT_NOT_ACCEPTED",
					"confirm that you have no conflict of interest before scoring");
		}
		requireStatus(assignment, "ACCEPTED");
		ReviewPlan plan = this.plans.find(assignment.guideId()).orElseThrow();
		this.opening.require(plan.batchId(), "scoring");
		if (this.clock.instant().isAfter(assignment.scoringDeadline())) {
			String closes = assignment.scoringDeadline().toString();
			throw new DomainException(409, "WINDOW_CLOSED", "scoring closed at " + closes, closes)
				.detailKey("error.WINDOW_CLOSED.scoring");
		}
		Map<String, BigDecimal> checked = checkScores(plan, scores, submit);
		if (comment != null && comment.length() > 5000) {
			throw DomainException.invalid("comment", "TOO_LONG", "at most 5000 characters");
		}
		if (submit && (comment == null || comment.isBlank())) {
			throw DomainException.invalid("comment", "REQUIRED", "a comment is required with the scores");
		}
		this.jdbc.sql("DELETE FROM review_scores WHERE assignment_id = :id").param("id", id).update();
		checked.forEach((criterion, value) -> this.jdbc
			.sql("INSERT INTO review_scores (assignment_id, criterion, score) VALUES (:id, :criterion, :score)")
			.param("id", id)
			.param("criterion", criterion)
			.param("score", value)
			.update());
		this.jdbc.sql("""
				UPDATE review_assignments SET status = :status, comment = :comment, submitted_at = :submitted,
				  updated_at = :at, version = version + 1 WHERE id = :id""")
			.param("status", submit ? "SUBMITTED" : "ACCEPTED")
			.param("comment", (comment == null) ? null : comment.strip())
			.param("submitted", submit ? now() : null)
			.param("at", now())
			.param("id", id)
			.update();
		if (submit) {
			this.audit.record(AuditEvent.of("REVIEW_SCORES_SUBMITTED", "ReviewAssignment", id)
				.before("ACCEPTED")
				.after("SUBMITTED: " + checked));
		}
		return get(id, user);
	}

	private static Map<String, BigDecimal> checkScores(ReviewPlan plan, List<AssignmentView.Score> scores,
			boolean submit) {
		Map<String, Criterion> criteria = new LinkedHashMap<>();
		plan.criteria().forEach(c -> criteria.put(c.name(), c));
		Map<String, BigDecimal> checked = new LinkedHashMap<>();
		List<FieldViolation> violations = new ArrayList<>();
		List<AssignmentView.Score> given = (scores == null) ? List.of() : scores;
		for (int i = 0; i < given.size(); i++) {
			AssignmentView.Score score = given.get(i);
			String field = "scores[" + i + "]";
			Criterion criterion = (score == null) ? null : criteria.get(score.criterion());
			if (criterion == null) {
				violations
					.add(new FieldViolation(field + ".criterion", "UNKNOWN_CRITERION", "not a criterion of the plan"));
				continue;
			}
			if (score.score() == null || score.score().signum() < 0 || score.score().compareTo(criterion.maxScore()) > 0
					|| score.score().scale() > 2) {
				violations.add(new FieldViolation(field + ".score", "SCORE_RANGE",
						criterion.name() + ": from 0 to " + criterion.maxScore()));
				continue;
			}
			if (checked.put(criterion.name(), score.score()) != null) {
				violations.add(new FieldViolation(field + ".criterion", "DUPLICATE_CRITERION", "scored twice"));
			}
		}
		if (submit) {
			for (String name : criteria.keySet()) {
				if (!checked.containsKey(name) && violations.stream().noneMatch(v -> v.message().startsWith(name))) {
					violations.add(new FieldViolation("scores", "SCORE_MISSING", name + " is not scored"));
				}
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return checked;
	}

	private void insert(ApplicationView application, ExpertView expert, ReviewPlan plan, String by) {
		UUID id = UUID.randomUUID();
		OffsetDateTime at = now();
		this.jdbc
			.sql("""
					INSERT INTO review_assignments (id, application_id, guide_id, batch_id, enterprise_id, expert_id, status,
					  assigned_by, assigned_at, updated_at, version)
					VALUES (:id, :application, :guide, :batch, :enterprise, :expert, 'ASSIGNED', :by, :at, :at, 0)""")
			.param("id", id)
			.param("application", application.id())
			.param("guide", application.guideId())
			.param("batch", application.batchId())
			.param("enterprise", application.enterpriseId())
			.param("expert", expert.id())
			.param("by", by)
			.param("at", at)
			.update();
		this.review.startReview(application.id());
		this.audit.record(AuditEvent.of("REVIEW_ASSIGNED", "ReviewAssignment", id)
			.after("application=" + application.id() + ", expert=" + expert.username() + ", no conflict found"));
		this.events.publishEvent(new ExpertAssigned(id, expert.id(), application.title(), plan.scoringDeadline()));
	}

	/**
	 * The experts an enterprise may assign: its own and the department's pool, the
	 * enabled ones only.
	 */
	@Transactional(readOnly = true)
	public List<ExpertView> pool(CurrentUser user) {
		ReviewAccess.requireEnterprise(user);
		List<ExpertView> pool = new ArrayList<>();
		for (UUID owner : List.of(user.organizationId(), this.organizations.departmentId())) {
			int page = 0;
			PageResult<ExpertView> found;
			do {
				found = this.experts.search(owner, null, page++, PageResult.MAX_SIZE);
				found.items().stream().filter(ExpertView::enabled).forEach(pool::add);
			}
			while (found.hasNext());
		}
		return pool;
	}

	/** The endorsed applications to the guide that its review covers. */
	private List<ApplicationSummary> inReview(GuideView guide) {
		List<ApplicationSummary> found = new ArrayList<>();
		this.applications.forEach(new ApplicationQuery(new ApplicationQuery.Enterprise(guide.enterpriseId()),
				guide.batchId(), guide.id(), null, null, null, null), application -> {
					if (application.status() == ApplicationStatus.ENDORSED
							|| application.status() == ApplicationStatus.UNDER_REVIEW) {
						found.add(application);
					}
				});
		found.sort(java.util.Comparator.comparing(ApplicationSummary::submittedAt));
		return found;
	}

	/** The experts assigned to the application: all ever, or only those not declined. */
	private Set<UUID> assignedExperts(UUID applicationId, boolean includingDeclined) {
		return Set.copyOf(this.jdbc
			.sql("SELECT expert_id FROM review_assignments WHERE application_id = :application"
					+ (includingDeclined ? "" : " AND status <> 'DECLINED'"))
			.param("application", applicationId)
			.query(UUID.class)
			.list());
	}

	/** Each expert's assignments in the batch that are not declined. */
	private Map<UUID, Integer> loads(UUID batchId) {
		Map<UUID, Integer> loads = new HashMap<>();
		this.jdbc.sql("""
				SELECT expert_id, COUNT(*) FROM review_assignments WHERE batch_id = :batch AND status <> 'DECLINED'
				GROUP BY expert_id""")
			.param("batch", batchId)
			.query((rs, n) -> loads.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		return loads;
	}

	/**
	 * Serialises assignments to one guide: the plan's caps hold under concurrent
	 * requests.
	 */
	private void lockGuide(UUID guideId) {
		this.jdbc.sql("SELECT guide_id FROM review_plans WHERE guide_id = :guide FOR UPDATE")
			.param("guide", guideId)
			.query(UUID.class)
			.list();
	}

	private ApplicationView ownApplication(UUID applicationId, CurrentUser user) {
		ReviewAccess.requireEnterprise(user);
		ApplicationView application = this.applications.forReview(applicationId)
			.filter(a -> a.enterpriseId().equals(user.organizationId()))
			.orElseThrow(() -> DomainException.notFound("application"));
		if (application.status() != ApplicationStatus.ENDORSED
				&& application.status() != ApplicationStatus.UNDER_REVIEW) {
			throw DomainException.illegalTransition("the application's review is over (" + application.status() + ")",
					application.status());
		}
		return application;
	}

	private Row visible(UUID id, CurrentUser user) {
		Row row = find(id).orElseThrow(() -> DomainException.notFound("assignment"));
		boolean visible = (user.has(org.xietong.accounts.Role.EXPERT) && row.expertId().equals(user.id()))
				|| (user.has(org.xietong.accounts.Role.ENTERPRISE_CONTACT)
						&& row.enterpriseId().equals(user.organizationId()));
		if (!visible) {
			throw DomainException.notFound("assignment");
		}
		return row;
	}

	private AssignmentView own(UUID id, CurrentUser user) {
		ReviewAccess.requireExpert(user);
		return get(id, user);
	}

	private Optional<Row> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	private static void requireStatus(AssignmentView assignment, String status) {
		if (!assignment.status().equals(status)) {
			throw DomainException.illegalTransition("the assignment is " + assignment.status());
		}
	}

	private AssignmentView complete(Row row) {
		List<AssignmentView.Score> scores = this.jdbc
			.sql("SELECT criterion, score FROM review_scores WHERE assignment_id = :id ORDER BY criterion")
			.param("id", row.id())
			.query((rs, n) -> new AssignmentView.Score(rs.getString(1), rs.getBigDecimal(2).setScale(2)))
			.list();
		return new AssignmentView(row.id(), row.applicationId(), row.applicationTitle(), row.guideId(), row.expertId(),
				row.expertName(), row.status(), row.declineReason(), scores, row.comment(), row.assignedAt(),
				row.submittedAt(), row.deadline(), row.version());
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
		return new Row(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getObject("guide_id", UUID.class), rs.getObject("expert_id", UUID.class),
				rs.getString("display_name"), rs.getString("status"), rs.getString("decline_reason"),
				rs.getString("comment"), rs.getObject("assigned_at", OffsetDateTime.class).toInstant(),
				(submitted == null) ? null : submitted.toInstant(),
				rs.getObject("scoring_deadline", OffsetDateTime.class).toInstant(), rs.getLong("version"),
				rs.getObject("enterprise_id", UUID.class), rs.getString("application_title"));
	}

	private record Row(UUID id, UUID applicationId, UUID guideId, UUID expertId, String expertName, String status,
			String declineReason, String comment, Instant assignedAt, Instant submittedAt, Instant deadline,
			long version, UUID enterpriseId, String applicationTitle) {
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	static DomainException conflictOfInterest(ExpertView expert, List<Conflict> found) {
		List<FieldViolation> violations = found.stream()
			.map(c -> new FieldViolation("expertId", c.kind(), c.detail()))
			.toList();
		return new DomainException(409, "CONFLICT_OF_INTEREST", violations, expert.displayName()
				+ " has a conflict of interest: " + String.join(", ", found.stream().map(Conflict::kind).toList()),
				expert.displayName());
	}

}
