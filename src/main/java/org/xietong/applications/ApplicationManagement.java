package org.xietong.applications;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchView;
import org.xietong.files.StoredFile;
import org.xietong.files.StoredFiles;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * Applications from the teacher's draft to the university's endorsement: drafting and
 * revising, attachments, the checks shown before submission, the submission inside the
 * window with its signed receipt, the withdrawal, the endorsement within the university's
 * caps and the return. Every change is audited and announced as an event in its
 * transaction.
 */
@Service
public class ApplicationManagement {

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 20_000;

	static final int MAX_SHORT = 100;

	static final int MAX_TEAM = 30;

	static final int MAX_BUDGET_LINES = 50;

	static final int MAX_ATTACHMENTS = 20;

	static final int MAX_REASON = 2000;

	private static final Money MAX_AMOUNT = Money.of("999999999.99");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Applications applications;

	private final ApplicationQueries queries;

	private final ReceiptBook receipts;

	private final GuideCatalogue guides;

	private final BatchManagement batches;

	private final OrganizationManagement organizations;

	private final StoredFiles files;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	ApplicationManagement(Applications applications, ApplicationQueries queries, ReceiptBook receipts,
			GuideCatalogue guides, BatchManagement batches, OrganizationManagement organizations, StoredFiles files,
			AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc, java.time.Clock clock) {
		this.applications = applications;
		this.queries = queries;
		this.receipts = receipts;
		this.guides = guides;
		this.batches = batches;
		this.organizations = organizations;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Drafts the teacher's application to a published guide. A draft may be incomplete;
	 * refused when the window has closed, or when the teacher already applies to the
	 * guide ({@code DUPLICATE_APPLICATION}).
	 */
	@Transactional
	public ApplicationView create(UUID guideId, CurrentUser teacher, ApplicationDetails details) {
		requireRole(teacher, Role.TEACHER);
		GuideView guide = this.guides.find(guideId)
			.filter(g -> g.status() == GuideStatus.PUBLISHED)
			.orElseThrow(() -> DomainException.notFound("guide"));
		BatchView batch = batch(guide.batchId());
		Instant now = this.clock.instant();
		SubmissionCheck.Window window = window(batch, now);
		if (!window.open() && !window.notYetOpen()) {
			throw windowClosed(window);
		}
		ApplicationContent content = draftContent(details);
		lockLeader(teacher.id());
		if (this.queries.activeApplicationTo(guideId, teacher.id()).isPresent()) {
			throw duplicateApplication();
		}
		OrganizationView university = this.organizations.find(teacher.organizationId())
			.orElseThrow(() -> DomainException.notFound("university"));
		Application application = Application.draft(
				new Applicant(teacher.id(), teacher.displayName(), university.id(), university.name()),
				new ApplyingTo(guide.id(), guide.title(), batch.id(), batch.year(), guide.enterpriseId(),
						guide.enterpriseName(), guide.type()),
				content, now);
		Application saved;
		try {
			saved = this.applications.save(application);
		}
		catch (DuplicateKeyException ex) {
			// A draft to the same guide committed since the check: the unique index
			// decides.
			throw duplicateApplication();
		}
		this.audit.record(AuditEvent.of("APPLICATION_CREATED", "Application", saved.id())
			.after("guide=" + guideId + ", status=DRAFT, " + content.summaryLine()));
		return saved.view(List.of());
	}

	/**
	 * Changes a draft or returned application of the teacher; refuses with
	 * {@code VERSION_CONFLICT} when it changed since {@code version}.
	 */
	@Transactional
	public ApplicationView update(UUID id, CurrentUser teacher, Long version, ApplicationDetails details) {
		Application application = own(id, teacher);
		if (version == null) {
			throw DomainException.invalid("version", "REQUIRED", "the version read is required");
		}
		if (!version.equals(application.version())) {
			throw new DomainException(409, "VERSION_CONFLICT",
					"application " + id + " is at version " + application.version() + ", not " + version);
		}
		application.requireEditable();
		ApplicationContent content = draftContent(details);
		String before = application.content().summaryLine();
		application.edit(content, this.clock.instant());
		Application saved = this.applications.save(application);
		this.audit.record(
				AuditEvent.of("APPLICATION_UPDATED", "Application", id).before(before).after(content.summaryLine()));
		return saved.view(this.queries.attachments(id));
	}

	/**
	 * Attaches a file to a draft or returned application: the application form must be a
	 * PDF, other files PDF, Word, Excel, images or ZIP, judged by content, within the
	 * batch's size limit.
	 */
	@Transactional
	public AttachmentView attach(UUID id, CurrentUser teacher, String kindName, InputStream content,
			String originalName) {
		Application application = own(id, teacher);
		application.requireEditable();
		AttachmentKind kind = AttachmentKind.parse(kindName)
			.orElseThrow(
					() -> DomainException.invalid("kind", "UNKNOWN_ATTACHMENT_KIND", "APPLICATION_FORM or SUPPORTING"));
		if (this.queries.attachments(id).size() >= MAX_ATTACHMENTS) {
			throw new DomainException(409, "QUOTA_EXCEEDED", "at most " + MAX_ATTACHMENTS + " attachments",
					MAX_ATTACHMENTS)
				.detailKey("error.QUOTA_EXCEEDED.attachments");
		}
		BatchRules rules = batch(application.batchId()).rules();
		StoredFile file = this.files.store(content, originalName, kind.allowed(), rules.attachmentMaxBytes(),
				teacher.username());
		Instant now = this.clock.instant();
		UUID attachmentId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO application_attachments (id, application_id, kind, file_id, sha256, size_bytes, media_type,
				  original_name, created_at)
				VALUES (:id, :application, :kind, :file, :sha, :size, :type, :name, :at)""")
			.param("id", attachmentId)
			.param("application", id)
			.param("kind", kind.name())
			.param("file", file.id())
			.param("sha", file.sha256())
			.param("size", file.size())
			.param("type", file.mediaType())
			.param("name", file.originalName())
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		this.audit.record(AuditEvent.of("APPLICATION_ATTACHED", "Application", id)
			.after(kind + " " + file.originalName() + " (" + file.size() + " bytes, sha256 " + file.sha256() + ")"));
		return new AttachmentView(attachmentId, kind, file.originalName(), file.size(), file.mediaType(), file.sha256(),
				now);
	}

	/** Removes an attachment from a draft or returned application. */
	@Transactional
	public void detach(UUID id, CurrentUser teacher, UUID attachmentId) {
		Application application = own(id, teacher);
		application.requireEditable();
		AttachmentView attachment = this.queries.attachments(id)
			.stream()
			.filter(a -> a.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("attachment"));
		this.jdbc.sql("DELETE FROM application_attachments WHERE id = :id AND application_id = :application")
			.param("id", attachmentId)
			.param("application", id)
			.update();
		this.audit.record(AuditEvent.of("APPLICATION_DETACHED", "Application", id)
			.before(attachment.kind() + " " + attachment.name() + " (sha256 " + attachment.sha256() + ")"));
	}

	/** What decides whether the teacher's application can be submitted now. */
	@Transactional(readOnly = true)
	public SubmissionCheck check(UUID id, CurrentUser teacher) {
		Application application = own(id, teacher);
		return check(application, batch(application.batchId()), this.clock.instant());
	}

	/**
	 * Submits the teacher's application inside the window, when it is complete and the
	 * teacher's limits allow it, and issues its receipt. A leader of a project past its
	 * end date without completion is refused with {@code OVERDUE_PROJECT} (409) when the
	 * batch says so ({@code overdueBlocksApplications}). Submitting an application that
	 * is already submitted changes nothing and answers it with its receipt, so that a
	 * double click or a retry never makes a second one.
	 */
	@Transactional
	public SubmissionResult submit(UUID id, CurrentUser teacher) {
		requireRole(teacher, Role.TEACHER);
		lockLeader(teacher.id());
		Application application = own(id, teacher);
		BatchView batch = batch(application.batchId());
		ZoneId zone = batch.timeZone();
		if (application.status() == ApplicationStatus.SUBMITTED) {
			Receipt receipt = this.receipts.latest(id, zone).orElseThrow();
			return new SubmissionResult(application.view(this.queries.attachments(id)), receipt, true);
		}
		application.requireEditable();
		Instant now = this.clock.instant();
		Optional<GuideView> guide = this.guides.find(application.guideId());
		List<AttachmentView> attachments = this.queries.attachments(id);
		SubmissionCheck check = check(application, batch, now, guide, attachments);
		if (!check.window().open()) {
			throw windowClosed(check.window());
		}
		if (guide.filter(g -> g.status() == GuideStatus.PUBLISHED).isEmpty()) {
			throw new DomainException(409, "GUIDE_NOT_OPEN", "the guide no longer takes applications");
		}
		if (!check.problems().isEmpty()) {
			throw DomainException.invalid(check.problems());
		}
		if (!check.applicationsThisYear().allowsThisOne()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					"the teacher has filed " + check.applicationsThisYear().used()
							+ " applications this year, the limit is " + check.applicationsThisYear().limit(),
					check.applicationsThisYear().used(), check.applicationsThisYear().limit())
				.detailKey("error.QUOTA_EXCEEDED.applications");
		}
		if (!check.projectsInProgress().allowsThisOne()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					"the teacher leads " + check.projectsInProgress().used() + " projects in progress, the limit is "
							+ check.projectsInProgress().limit(),
					check.projectsInProgress().used(), check.projectsInProgress().limit())
				.detailKey("error.QUOTA_EXCEEDED.projects");
		}
		if (!check.overdueProjects().allowsThisOne()) {
			throw overdueProject(check.overdueProjects());
		}
		ApplicationStatus before = application.status();
		String number = (application.number() != null) ? application.number() : nextNumber(batch);
		Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		application.submit(number, at);
		Application saved = saveSubmission(application);
		Receipt receipt = this.receipts.issue(saved, attachments, zone);
		this.events.publishEvent(
				new ApplicationSubmitted(id, teacher.id(), saved.universityId(), saved.title(), receipt.number()));
		// Last before the commit: the audit chain's head row stays locked until then.
		this.audit.record(AuditEvent.of("APPLICATION_SUBMITTED", "Application", id)
			.before("status=" + before)
			.after("status=SUBMITTED, receipt=" + receipt.number() + ", digest=" + receipt.digest()));
		return new SubmissionResult(saved.view(attachments), receipt, false);
	}

	/**
	 * The teacher withdraws an application; possible until the enterprise's review
	 * starts.
	 */
	@Transactional
	public ApplicationView withdraw(UUID id, CurrentUser teacher, String reason) {
		Application application = own(id, teacher);
		ApplicationStatus before = application.status();
		String why = optionalReason(reason);
		application.withdraw(why, this.clock.instant());
		Application saved = this.applications.save(application);
		this.audit.record(AuditEvent.of("APPLICATION_WITHDRAWN", "Application", id)
			.before("status=" + before)
			.after("status=WITHDRAWN" + ((why == null) ? "" : ", reason=" + why)));
		boolean universityHadIt = before != ApplicationStatus.DRAFT;
		boolean enterpriseHadIt = before.isEndorsed();
		this.events.publishEvent(new ApplicationWithdrawn(id, saved.leaderId(), saved.title(),
				universityHadIt ? saved.universityId() : null, enterpriseHadIt ? saved.enterpriseId() : null));
		return saved.view(this.queries.attachments(id));
	}

	/**
	 * The university endorses a submitted application of its teacher, within its caps per
	 * enterprise and per enterprise and type, until the batch's review closes.
	 */
	@Transactional
	public ApplicationView endorse(UUID id, CurrentUser admin) {
		Application application = ofUniversity(id, admin);
		BatchView batch = batch(application.batchId());
		Instant now = this.clock.instant();
		if (now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(batch.schedule().reviewCloses())) {
			String closes = SHOWN.format(batch.schedule().reviewCloses().atZone(batch.timeZone()));
			throw new DomainException(409, "WINDOW_CLOSED", "endorsements ended at " + closes, closes)
				.detailKey("error.WINDOW_CLOSED.endorsement");
		}
		if (application.status() != ApplicationStatus.SUBMITTED) {
			throw DomainException.illegalTransition(
					"an application in status " + application.status() + " cannot be endorsed", application.status());
		}
		lockEndorsements(application);
		EndorsementUsage usage = this.queries.endorsementUsage(application.universityId(), batch,
				application.enterpriseId());
		BatchRules rules = batch.rules();
		if (rules.maxEndorsementsPerEnterprise() != null && usage.used() >= rules.maxEndorsementsPerEnterprise()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					"the university has endorsed " + usage.used() + " applications to this enterprise, the cap is "
							+ rules.maxEndorsementsPerEnterprise(),
					usage.enterpriseName(), usage.used(), rules.maxEndorsementsPerEnterprise())
				.detailKey("error.QUOTA_EXCEEDED.endorsements");
		}
		long ofType = usage.byType().getOrDefault(application.projectType(), 0L);
		if (rules.maxEndorsementsPerEnterpriseAndType() != null
				&& ofType >= rules.maxEndorsementsPerEnterpriseAndType()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					"the university has endorsed " + ofType + " applications of type " + application.projectType()
							+ " to this enterprise, the cap is " + rules.maxEndorsementsPerEnterpriseAndType(),
					usage.enterpriseName(), ofType, rules.maxEndorsementsPerEnterpriseAndType(),
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							"projectType." + application.projectType().name()))
				.detailKey("error.QUOTA_EXCEEDED.endorsementsOfType");
		}
		application.endorse(now);
		Application saved = this.applications.save(application);
		this.audit.record(AuditEvent.of("APPLICATION_ENDORSED", "Application", id)
			.before("status=SUBMITTED")
			.after("status=ENDORSED, toEnterprise=" + (usage.used() + 1) + "/" + rules.maxEndorsementsPerEnterprise()
					+ ", ofType=" + (ofType + 1) + "/" + rules.maxEndorsementsPerEnterpriseAndType()));
		this.events.publishEvent(new ApplicationEndorsed(id, saved.leaderId(), saved.enterpriseId(), saved.title()));
		return saved.view(this.queries.attachments(id));
	}

	/**
	 * The university returns a submitted application to its leader with a reason; the
	 * leader revises it and submits it again inside the window.
	 */
	@Transactional
	public ApplicationView returnToLeader(UUID id, CurrentUser admin, String reason) {
		String why = requireReason(reason);
		Application application = ofUniversity(id, admin);
		if (application.status() != ApplicationStatus.SUBMITTED) {
			throw DomainException.illegalTransition(
					"an application in status " + application.status() + " cannot be returned", application.status());
		}
		application.returnToLeader(why, this.clock.instant());
		Application saved = this.applications.save(application);
		this.audit.record(AuditEvent.of("APPLICATION_RETURNED", "Application", id)
			.before("status=SUBMITTED")
			.after("status=RETURNED, reason=" + why));
		this.events.publishEvent(new ApplicationReturned(id, saved.leaderId(), saved.title(), why));
		return saved.view(this.queries.attachments(id));
	}

	/** How much of its caps the university has used in a batch, per enterprise. */
	@Transactional(readOnly = true)
	public List<EndorsementUsage> endorsementUsage(UUID universityId, UUID batchId) {
		return this.queries.endorsementUsage(universityId, batch(batchId));
	}

	private SubmissionCheck check(Application application, BatchView batch, Instant now) {
		return check(application, batch, now, this.guides.find(application.guideId()),
				this.queries.attachments(application.id()));
	}

	/**
	 * Writes a submission: only the row's own columns change (status, number, count,
	 * times), so the team and the budget are not written again, and an older version is
	 * refused as every save refuses it.
	 */
	private Application saveSubmission(Application application) {
		int updated = this.jdbc.sql("""
				UPDATE applications SET status = :status, application_number = :number, submission_count = :count,
				  return_reason = NULL, submitted_at = :at, updated_at = :at, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", application.status().name())
			.param("number", application.number())
			.param("count", application.submissionCount())
			.param("at", OffsetDateTime.ofInstant(application.submittedAt(), ZoneOffset.UTC))
			.param("id", application.id())
			.param("version", application.version())
			.update();
		if (updated != 1) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"application " + application.id() + " changed while it was submitted");
		}
		application.saved(application.version() + 1);
		return application;
	}

	private SubmissionCheck check(Application application, BatchView batch, Instant now, Optional<GuideView> guide,
			List<AttachmentView> attachments) {
		BatchRules rules = batch.rules();
		SubmissionCheck.Window window = window(batch, now);
		boolean counted = application.status().countsTowardYearlyLimit();
		SubmissionCheck.Limit yearly = new SubmissionCheck.Limit(
				this.queries.countedThisYear(application.leaderId(), application.batchYear()),
				rules.maxApplicationsPerTeacher(), counted);
		SubmissionCheck.Limit projects = new SubmissionCheck.Limit(
				this.queries.projectsInProgress(application.leaderId()), rules.maxProjectsInProgressPerTeacher(),
				false);
		SubmissionCheck.Overdue overdue = new SubmissionCheck.Overdue(
				this.queries.overdueProjects(application.leaderId()), rules.overdueBlocksApplications());
		Money cash = guide.map(GuideView::cashPerProject).orElse(Money.ZERO);
		ApplicationContent content = application.content();
		List<FieldViolation> problems = completeness(content, cash, attachments);
		boolean canSubmit = application.status().isEditable() && window.open() && problems.isEmpty()
				&& yearly.allowsThisOne() && projects.allowsThisOne() && overdue.allowsThisOne();
		return new SubmissionCheck(window, yearly, projects, overdue, cash, content.budgetTotal(), problems, canSubmit);
	}

	/** What an application still lacks before it may be submitted. */
	static List<FieldViolation> completeness(ApplicationContent content, Money cashPerProject,
			List<AttachmentView> attachments) {
		List<FieldViolation> problems = new ArrayList<>();
		required(problems, "title", content.title());
		required(problems, "summary", content.summary());
		required(problems, "plan", content.plan());
		required(problems, "expectedOutcomes", content.expectedOutcomes());
		for (int i = 0; i < content.team().size(); i++) {
			TeamMember member = content.team().get(i);
			required(problems, "team[" + i + "].name", member.name());
			required(problems, "team[" + i + "].title", member.title());
			required(problems, "team[" + i + "].organization", member.organization());
			required(problems, "team[" + i + "].role", member.memberRole());
		}
		// A guide that offers only hardware and software (a practice base) funds no cash
		// budget: its applications need none.
		if (content.budget().isEmpty() && cashPerProject.compareTo(Money.ZERO) > 0) {
			problems.add(new FieldViolation("budget", "BUDGET_EMPTY", "name at least one budget line"));
		}
		for (int i = 0; i < content.budget().size(); i++) {
			required(problems, "budget[" + i + "].category", content.budget().get(i).category());
		}
		if (cashPerProject.isLessThan(content.budgetTotal())) {
			problems.add(new FieldViolation("budget", "BUDGET_EXCEEDS_CASH", "the budget totals "
					+ content.budgetTotal() + ", more than the guide's " + cashPerProject + " per project"));
		}
		if (attachments.stream().noneMatch(a -> a.kind() == AttachmentKind.APPLICATION_FORM)) {
			problems.add(new FieldViolation("attachments", "APPLICATION_FORM_MISSING",
					"attach the signed and stamped application form as a PDF"));
		}
		return problems;
	}

	private static void required(List<FieldViolation> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldViolation(field, "REQUIRED", "required"));
		}
	}

	/**
	 * A draft's content: texts trimmed and within their lengths, amounts not negative;
	 * every malformed value refused at once, blanks kept.
	 */
	static ApplicationContent draftContent(ApplicationDetails details) {
		List<FieldViolation> violations = new ArrayList<>();
		String title = text(violations, "title", details.title(), MAX_TITLE);
		String summary = text(violations, "summary", details.summary(), MAX_TEXT);
		String plan = text(violations, "plan", details.plan(), MAX_TEXT);
		String outcomes = text(violations, "expectedOutcomes", details.expectedOutcomes(), MAX_TEXT);
		List<TeamMember> team = new ArrayList<>();
		List<ApplicationDetails.Member> members = (details.team() == null) ? List.of() : details.team();
		if (members.size() > MAX_TEAM) {
			violations.add(new FieldViolation("team", "TOO_MANY_MEMBERS", "at most " + MAX_TEAM + " members"));
		}
		for (int i = 0; i < members.size() && i < MAX_TEAM; i++) {
			ApplicationDetails.Member member = members.get(i);
			if (member == null) {
				violations.add(new FieldViolation("team[" + i + "]", "REQUIRED", "a member is required"));
				continue;
			}
			String prefix = "team[" + i + "].";
			team.add(new TeamMember(text(violations, prefix + "name", member.name(), MAX_SHORT),
					text(violations, prefix + "title", member.title(), MAX_SHORT),
					text(violations, prefix + "organization", member.organization(), 200),
					text(violations, prefix + "role", member.role(), 200)));
		}
		List<BudgetLine> budget = new ArrayList<>();
		List<ApplicationDetails.Line> lines = (details.budget() == null) ? List.of() : details.budget();
		if (lines.size() > MAX_BUDGET_LINES) {
			violations.add(new FieldViolation("budget", "TOO_MANY_LINES", "at most " + MAX_BUDGET_LINES + " lines"));
		}
		for (int i = 0; i < lines.size() && i < MAX_BUDGET_LINES; i++) {
			ApplicationDetails.Line line = lines.get(i);
			if (line == null) {
				violations.add(new FieldViolation("budget[" + i + "]", "REQUIRED", "a line is required"));
				continue;
			}
			String category = text(violations, "budget[" + i + "].category", line.category(), MAX_SHORT);
			Money amount = (line.amount() == null) ? Money.ZERO : line.amount();
			if (amount.isNegative()) {
				violations
					.add(new FieldViolation("budget[" + i + "].amount", "NEGATIVE_AMOUNT", "may not be negative"));
			}
			else if (MAX_AMOUNT.isLessThan(amount)) {
				violations
					.add(new FieldViolation("budget[" + i + "].amount", "AMOUNT_TOO_LARGE", "at most " + MAX_AMOUNT));
			}
			budget.add(new BudgetLine(category, amount));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new ApplicationContent(title, summary, plan, outcomes, team, budget);
	}

	private static String text(List<FieldViolation> violations, String field, String value, int max) {
		String trimmed = (value == null) ? "" : value.strip();
		if (trimmed.length() > max) {
			violations.add(new FieldViolation(field, "TOO_LONG", "at most " + max + " characters"));
		}
		return trimmed;
	}

	/**
	 * The next application number: {@code <batch code>-000123}, from a sequence that
	 * holds no lock (see the migration V5_0_2).
	 */
	private String nextNumber(BatchView batch) {
		long next = this.jdbc.sql("SELECT nextval('application_number_seq')").query(Long.class).single();
		return batch.code() + "-" + String.format("%06d", next);
	}

	/**
	 * Locks the teacher's applications until the transaction ends: its submissions, and
	 * the yearly count they read, happen one at a time.
	 */
	private void lockLeader(UUID teacherId) {
		this.jdbc.sql("SELECT id FROM applications WHERE leader_id = :leader FOR UPDATE")
			.param("leader", teacherId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Locks the university's applications to the enterprise in the batch until the
	 * transaction ends: two endorsements never both take the last place under a cap.
	 */
	private void lockEndorsements(Application application) {
		this.jdbc.sql("""
				SELECT id FROM applications WHERE university_id = :university AND batch_id = :batch
				AND enterprise_id = :enterprise FOR UPDATE""")
			.param("university", application.universityId())
			.param("batch", application.batchId())
			.param("enterprise", application.enterpriseId())
			.query(UUID.class)
			.list();
	}

	private static SubmissionCheck.Window window(BatchView batch, Instant now) {
		return SubmissionCheck.Window.of(batch.schedule().applicationOpens(), batch.schedule().applicationCloses(),
				batch.timeZone(), now);
	}

	private static DomainException overdueProject(SubmissionCheck.Overdue overdue) {
		return new DomainException(409, "OVERDUE_PROJECT",
				"the teacher leads " + overdue.count()
						+ " projects past their end date without completion; the batch refuses their applications",
				overdue.count());
	}

	private static DomainException duplicateApplication() {
		return new DomainException(409, "DUPLICATE_APPLICATION", "the teacher already applies to this guide");
	}

	private static DomainException windowClosed(SubmissionCheck.Window window) {
		String opens = SHOWN.format(window.opens().atZone(window.timeZone()));
		String closes = SHOWN.format(window.closes().atZone(window.timeZone()));
		String now = SHOWN.format(window.now().atZone(window.timeZone()));
		String zone = window.timeZone().getId();
		return new DomainException(409, "WINDOW_CLOSED",
				"applications are accepted from " + opens + " to " + closes + " (" + zone
						+ ", inclusive); the server received this at " + now,
				opens, closes, now, zone)
			.detailKey(window.notYetOpen() ? "error.WINDOW_CLOSED.applicationNotYetOpen"
					: "error.WINDOW_CLOSED.application");
	}

	private Application own(UUID id, CurrentUser teacher) {
		requireRole(teacher, Role.TEACHER);
		return this.applications.findById(id)
			.filter(application -> application.leaderId().equals(teacher.id()))
			.orElseThrow(() -> DomainException.notFound("application"));
	}

	private Application ofUniversity(UUID id, CurrentUser admin) {
		requireRole(admin, Role.UNIVERSITY_ADMIN);
		return this.applications.findById(id)
			.filter(application -> application.universityId().equals(admin.organizationId())
					&& application.submissionCount() > 0)
			.orElseThrow(() -> DomainException.notFound("application"));
	}

	private static void requireRole(CurrentUser user, Role role) {
		if (user == null || !user.has(role)) {
			throw new org.springframework.security.access.AccessDeniedException("only for " + role);
		}
	}

	private BatchView batch(UUID batchId) {
		return this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("reason", "REQUIRED", "a reason is required");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw DomainException.invalid("reason", "TOO_LONG", "at most " + MAX_REASON + " characters");
		}
		return reason.strip();
	}

	private static String optionalReason(String reason) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		return requireReason(reason);
	}

}
