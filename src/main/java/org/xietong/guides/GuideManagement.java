package org.xietong.guides;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.organizations.BatchEligibility;
import org.xietong.organizations.EnterpriseEligibility.Condition;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseView;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * Guides from the enterprise's draft to the department's decision: drafting and
 * correcting, the submission of all of an enterprise's guides in a batch at once, the
 * review, the withdrawal. Every change is audited and announced as an event in its
 * transaction.
 */
@Service
public class GuideManagement {

	/** The most projects one guide may offer. */
	public static final int MAX_PROJECTS = 1000;

	/** The most a guide may offer per project, in either kind of support. */
	public static final Money MAX_PER_PROJECT = Money.of("999999999.99");

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 5000;

	static final int MAX_REASON = 2000;

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{7,20}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Map<String, String> UNMET_CONDITION = Map.of("APPROVED", "ENTERPRISE_NOT_APPROVED",
			"NOT_BLACKLISTED", "ENTERPRISE_BLACKLISTED", "FOUNDED_LONG_ENOUGH", "ENTERPRISE_TOO_YOUNG",
			"CREDIT_REPORT_ON_FILE", "CREDIT_REPORT_MISSING");

	private final Guides guides;

	private final BatchManagement batches;

	private final EnterpriseManagement enterprises;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GuideManagement(Guides guides, BatchManagement batches, EnterpriseManagement enterprises, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.guides = guides;
		this.batches = batches;
		this.enterprises = enterprises;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Drafts a guide of an enterprise in a batch. Refuses with every problem at once;
	 * with {@code GUIDE_BELOW_TYPE_MINIMUM} (naming the field) when the type minimum is
	 * the only one.
	 */
	@Transactional
	public GuideView create(UUID batchId, UUID enterpriseId, GuideDetails details) {
		BatchView batch = batch(batchId);
		EnterpriseView enterprise = enterprise(enterpriseId);
		GuideContent content = check(batch.rules(), enterprise, details);
		Guide guide = this.guides
			.save(Guide.draft(batchId, enterpriseId, enterprise.name(), content, this.clock.instant()));
		this.audit.record(AuditEvent.of("GUIDE_CREATED", "Guide", guide.id())
			.after("batch=" + batch.code() + ", status=DRAFT, " + content.summary()));
		return guide.view();
	}

	/**
	 * Checks a guide as {@link #create} would, changing nothing: for a form that must
	 * report every problem before it saves.
	 */
	@Transactional(readOnly = true)
	public void validate(UUID batchId, UUID enterpriseId, GuideDetails details) {
		check(batch(batchId).rules(), enterprise(enterpriseId), details);
	}

	/**
	 * Changes a draft or returned guide of the enterprise; refuses with
	 * {@code VERSION_CONFLICT} when it changed since {@code version}.
	 */
	@Transactional
	public GuideView update(UUID guideId, UUID enterpriseId, Long version, GuideDetails details) {
		Guide guide = own(guideId, enterpriseId);
		if (version == null) {
			throw DomainException.invalid("version", "REQUIRED", "the version read is required");
		}
		if (!version.equals(guide.version())) {
			throw new DomainException(409, "VERSION_CONFLICT",
					"guide " + guideId + " is at version " + guide.version() + ", not " + version);
		}
		if (!guide.status().isEditable()) {
			throw DomainException.illegalTransition("a guide in status " + guide.status() + " cannot be changed");
		}
		BatchView batch = batch(guide.batchId());
		EnterpriseView enterprise = enterprise(enterpriseId);
		GuideContent content = check(batch.rules(), enterprise, details);
		String before = guide.content().summary();
		guide.edit(content, enterprise.name(), this.clock.instant());
		Guide saved = this.guides.save(guide);
		this.audit.record(AuditEvent.of("GUIDE_UPDATED", "Guide", guideId)
			.before("status=" + saved.status() + ", " + before)
			.after("status=" + saved.status() + ", " + content.summary()));
		return saved.view();
	}

	/**
	 * Submits all the enterprise's draft and returned guides of the batch at once, inside
	 * the batch's guide-submission window, when the enterprise is eligible and its cash
	 * across the batch reaches the minimum.
	 */
	@Transactional
	public SubmittedGuides submit(UUID batchId, UUID enterpriseId) {
		BatchView batch = batch(batchId);
		Instant now = this.clock.instant();
		GuideSubmissionWindow window = GuideSubmissionWindow.of(batch);
		if (!window.isOpenAt(now)) {
			throw windowClosed(window);
		}
		enterprise(enterpriseId);
		BatchEligibility eligibility = this.enterprises.eligibility(enterpriseId, batch);
		if (!eligibility.eligible()) {
			throw notEligible(eligibility);
		}
		List<Guide> all = this.guides.findByBatchIdAndEnterpriseIdOrderByCreatedAt(batchId, enterpriseId);
		List<Guide> submitting = all.stream().filter(guide -> guide.status().awaitsSubmission()).toList();
		if (submitting.isEmpty()) {
			throw new DomainException(409, "NOTHING_TO_SUBMIT", "no draft or returned guide in this batch");
		}
		recheck(batch.rules(), submitting);
		EnterpriseCashMinimum.Total cash = EnterpriseCashMinimum.of(batch.rules())
			.evaluate(all.stream().map(Guide::contribution).toList());
		if (!cash.met()) {
			throw new DomainException(422, "ENTERPRISE_CASH_BELOW_MINIMUM",
					"the guides offer " + cash.total() + " in cash, less than " + cash.minimum(),
					Yuan.format(cash.total()), Yuan.format(cash.minimum()), Yuan.format(cash.shortfall()));
		}
		List<GuideView> submitted = new ArrayList<>();
		for (Guide guide : submitting) {
			GuideStatus before = guide.status();
			guide.submit(now);
			Guide saved = this.guides.save(guide);
			this.audit.record(AuditEvent.of("GUIDE_SUBMITTED", "Guide", saved.id())
				.before("status=" + before)
				.after("status=SUBMITTED, enterpriseCash=" + cash.total() + "/" + cash.minimum()));
			submitted.add(saved.view());
		}
		this.events
			.publishEvent(new GuidesSubmitted(batchId, enterpriseId, submitted.stream().map(GuideView::id).toList()));
		return new SubmittedGuides(batchId, enterpriseId, submitted, cash);
	}

	/** Withdraws a guide of the enterprise; possible until it is published. */
	@Transactional
	public GuideView withdraw(UUID guideId, UUID enterpriseId) {
		Guide guide = own(guideId, enterpriseId);
		return transition(guide, "GUIDE_WITHDRAWN", null, g -> g.withdraw(this.clock.instant()));
	}

	/** The department approves a submitted guide. */
	@Transactional
	public GuideView approve(UUID guideId) {
		Guide guide = load(guideId);
		GuideView view = transition(guide, "GUIDE_APPROVED", null, g -> g.approve(this.clock.instant()));
		this.events.publishEvent(new GuideApproved(guideId, view.enterpriseId()));
		return view;
	}

	/**
	 * The department returns a submitted guide with a reason; the enterprise corrects it
	 * and submits it again.
	 */
	@Transactional
	public GuideView returnForCorrection(UUID guideId, String reason) {
		String why = requireReason(reason);
		Guide guide = load(guideId);
		GuideView view = transition(guide, "GUIDE_RETURNED", why,
				g -> g.returnForCorrection(why, this.clock.instant()));
		this.events.publishEvent(new GuideReturned(guideId, view.enterpriseId(), why));
		return view;
	}

	/**
	 * What the enterprise would submit now and whether it would pass, check by check.
	 */
	@Transactional(readOnly = true)
	public SubmissionPreview preview(UUID batchId, UUID enterpriseId) {
		BatchView batch = batch(batchId);
		enterprise(enterpriseId);
		GuideSubmissionWindow window = GuideSubmissionWindow.of(batch);
		boolean open = window.isOpenAt(this.clock.instant());
		BatchEligibility eligibility = this.enterprises.eligibility(enterpriseId, batch);
		List<Guide> all = this.guides.findByEnterpriseIdAndBatchIdOrderByCreatedAt(enterpriseId, batchId);
		TypeMinimums minimums = TypeMinimums.of(batch.rules());
		List<SubmissionPreview.Item> items = all.stream()
			.map(Guide::view)
			.map(guide -> new SubmissionPreview.Item(guide,
					minimums.check(guide.type(), guide.cashPerProject(), guide.hardwareSoftwarePerProject())))
			.toList();
		EnterpriseCashMinimum.Total cash = EnterpriseCashMinimum.of(batch.rules())
			.evaluate(all.stream().map(Guide::contribution).toList());
		int awaiting = (int) items.stream().filter(item -> item.guide().status().awaitsSubmission()).count();
		int below = (int) items.stream()
			.filter(item -> item.guide().status().awaitsSubmission() && !item.minimum().met())
			.count();
		boolean canSubmit = open && eligibility.eligible() && awaiting > 0 && below == 0 && cash.met();
		return new SubmissionPreview(batchId, enterpriseId, window, open, eligibility, cash, items, awaiting, below,
				canSubmit);
	}

	/**
	 * Puts approved guides of a batch under a public notice; refuses, naming them, when
	 * any is not an approved guide of the batch, and then changes nothing.
	 */
	@Transactional
	List<Guide> putUnderNotice(UUID batchId, List<UUID> guideIds) {
		List<FieldViolation> violations = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		List<Guide> found = new ArrayList<>();
		for (UUID id : guideIds) {
			Optional<Guide> guide = this.guides.findById(id).filter(g -> g.batchId().equals(batchId));
			if (guide.isEmpty()) {
				refused.add(id.toString());
				violations.add(new FieldViolation("subjectIds", "UNKNOWN_GUIDE", "no guide " + id + " in this batch"));
			}
			else if (guide.get().status() != GuideStatus.APPROVED) {
				refused.add(id + " (" + guide.get().title() + ")");
				violations.add(new FieldViolation("subjectIds", "GUIDE_NOT_APPROVED",
						"guide " + id + " (" + guide.get().title() + ") is " + guide.get().status()));
			}
			else {
				found.add(guide.get());
			}
		}
		if (!violations.isEmpty()) {
			String named = String.join(", ", refused);
			throw new DomainException(422, "GUIDES_NOT_APPROVED", violations,
					"only approved guides of the batch may go under notice: " + named, named);
		}
		List<Guide> moved = new ArrayList<>();
		for (Guide guide : found) {
			moved.add(save(guide, "GUIDE_UNDER_NOTICE", null, g -> g.putUnderNotice(this.clock.instant())));
		}
		return moved;
	}

	/** An objection against a guide under notice was upheld: the guide is revoked. */
	@Transactional
	void revokeByObjection(UUID guideId, String reason) {
		this.guides.findById(guideId).filter(guide -> guide.status().canMoveTo(GuideStatus.REVOKED)).ifPresent(g -> {
			String why = (reason == null || reason.isBlank()) ? "objection upheld" : reason.trim();
			Guide saved = save(g, "GUIDE_REVOKED", why, guide -> guide.revoke(why, this.clock.instant()));
			this.events.publishEvent(new GuideRevoked(guideId, saved.enterpriseId(), why));
		});
	}

	/** The guide's notice closed with the guide standing: it is published. */
	@Transactional
	void publishAfterNotice(UUID guideId) {
		this.guides.findById(guideId).filter(guide -> guide.status() == GuideStatus.IN_NOTICE).ifPresent(g -> {
			Guide saved = save(g, "GUIDE_PUBLISHED", null, guide -> guide.publish(this.clock.instant()));
			this.events.publishEvent(new GuidePublished(guideId, saved.enterpriseId()));
		});
	}

	/** A guide of the enterprise, for changing it: another enterprise's is not found. */
	@Transactional(readOnly = true)
	public Optional<GuideView> findOwn(UUID guideId, UUID enterpriseId) {
		return this.guides.findById(guideId).filter(g -> g.enterpriseId().equals(enterpriseId)).map(Guide::view);
	}

	private GuideView transition(Guide guide, String action, String reason, Consumer<Guide> move) {
		return save(guide, action, reason, move).view();
	}

	private Guide save(Guide guide, String action, String reason, Consumer<Guide> move) {
		GuideStatus before = guide.status();
		move.accept(guide);
		Guide saved = this.guides.save(guide);
		this.audit.record(AuditEvent.of(action, "Guide", saved.id())
			.before("status=" + before)
			.after("status=" + saved.status() + ((reason == null) ? "" : ", reason=" + reason)));
		return saved;
	}

	/**
	 * The guide's content checked against the batch's rules, or every problem at once.
	 */
	GuideContent check(BatchRules rules, EnterpriseView enterprise, GuideDetails details) {
		List<FieldViolation> violations = new ArrayList<>();
		ProjectType type = null;
		if (details.type() == null || details.type().isBlank()) {
			violations.add(new FieldViolation("type", "REQUIRED", "a project type is required"));
		}
		else {
			type = ProjectType.parse(details.type().trim()).orElse(null);
			if (type == null) {
				violations.add(new FieldViolation("type", "INVALID_PROJECT_TYPE", "not a project type"));
			}
		}
		String title = text(violations, "title", details.title(), MAX_TITLE);
		String direction = text(violations, "direction", details.direction(), 100);
		if (direction != null && !rules.directions().contains(direction)) {
			violations.add(new FieldViolation("direction", "UNKNOWN_DIRECTION", "not a direction of the batch"));
		}
		String industry = text(violations, "industry", details.industry(), 100);
		if (industry != null && !rules.industries().contains(industry)) {
			violations.add(new FieldViolation("industry", "UNKNOWN_INDUSTRY", "not an industry of the batch"));
		}
		String description = text(violations, "description", details.description(), MAX_TEXT);
		String requirements = text(violations, "requirements", details.requirements(), MAX_TEXT);
		Integer projects = details.projectsOffered();
		if (projects == null) {
			violations.add(new FieldViolation("projectsOffered", "REQUIRED", "how many projects"));
		}
		else if (projects < 1 || projects > MAX_PROJECTS) {
			violations.add(new FieldViolation("projectsOffered", "PROJECTS_OFFERED_RANGE",
					"from 1 to " + MAX_PROJECTS + " projects"));
		}
		Money cash = amount(violations, TypeMinimums.CASH_FIELD, details.cashPerProject());
		Money hardware = amount(violations, TypeMinimums.HARDWARE_SOFTWARE_FIELD, details.hardwareSoftwarePerProject());
		TypeMinimums.Verdict verdict = null;
		if (type != null && cash != null && hardware != null) {
			verdict = TypeMinimums.of(rules).check(type, cash, hardware);
			if (!verdict.met()) {
				violations.add(new FieldViolation(verdict.field(), "GUIDE_BELOW_TYPE_MINIMUM",
						type + " needs at least " + verdict.minimum() + " per project, not " + verdict.actual()));
			}
		}
		GuideDetails.Contact contact = (details.contact() != null) ? details.contact() : new GuideDetails.Contact(
				enterprise.contact().name(), enterprise.contact().phone(), enterprise.contact().email());
		String contactName = text(violations, "contact.name", contact.name(), 100);
		String phone = text(violations, "contact.phone", contact.phone(), 40);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			violations.add(new FieldViolation("contact.phone", "INVALID_PHONE", "not a phone number"));
		}
		String email = text(violations, "contact.email", contact.email(), 200);
		if (email != null && !EMAIL.matcher(email).matches()) {
			violations.add(new FieldViolation("contact.email", "INVALID_EMAIL", "not an e-mail address"));
		}
		if (!violations.isEmpty()) {
			boolean onlyMinimum = violations.stream()
				.allMatch(violation -> violation.code().equals("GUIDE_BELOW_TYPE_MINIMUM"));
			if (onlyMinimum) {
				throw belowMinimum(violations, verdict);
			}
			throw DomainException.invalid(violations);
		}
		return new GuideContent(type, title, direction, industry, description, requirements, projects, cash, hardware,
				contactName, phone, email);
	}

	/**
	 * Checks the guides about to be submitted against the batch's rules as they are now.
	 */
	private void recheck(BatchRules rules, List<Guide> submitting) {
		TypeMinimums minimums = TypeMinimums.of(rules);
		List<FieldViolation> violations = new ArrayList<>();
		TypeMinimums.Verdict firstBelow = null;
		for (Guide guide : submitting) {
			GuideContent content = guide.content();
			TypeMinimums.Verdict verdict = minimums.check(content.type(), content.cashPerProject(),
					content.hardwareSoftwarePerProject());
			String prefix = "guides." + guide.id() + ".";
			if (!verdict.met()) {
				firstBelow = (firstBelow == null) ? verdict : firstBelow;
				violations.add(new FieldViolation(prefix + verdict.field(), "GUIDE_BELOW_TYPE_MINIMUM",
						guide.title() + ": at least " + verdict.minimum() + " per project"));
			}
			if (!rules.directions().contains(content.direction())) {
				violations.add(new FieldViolation(prefix + "direction", "UNKNOWN_DIRECTION", guide.title()));
			}
			if (!rules.industries().contains(content.industry())) {
				violations.add(new FieldViolation(prefix + "industry", "UNKNOWN_INDUSTRY", guide.title()));
			}
		}
		if (!violations.isEmpty()) {
			if (violations.stream().allMatch(v -> v.code().equals("GUIDE_BELOW_TYPE_MINIMUM"))) {
				throw belowMinimum(violations, firstBelow);
			}
			throw DomainException.invalid(violations);
		}
	}

	private static DomainException belowMinimum(List<FieldViolation> violations, TypeMinimums.Verdict verdict) {
		return new DomainException(422, "GUIDE_BELOW_TYPE_MINIMUM", violations, verdict.type() + " needs at least "
				+ verdict.minimum() + " per project in " + verdict.field() + ", not " + verdict.actual(),
				minimumMessage(verdict));
	}

	/**
	 * The sentence that states a type's minimum per project and what a guide offers, in
	 * the measure of its type, as a message that the caller's language resolves.
	 */
	public static MessageSourceResolvable minimumMessage(TypeMinimums.Verdict verdict) {
		return new DefaultMessageSourceResolvable(new String[] { "guide.minimum." + verdict.measure().name() },
				new Object[] { new DefaultMessageSourceResolvable("projectType." + verdict.type().name()),
						Yuan.format(verdict.minimum()), Yuan.format(verdict.actual()) });
	}

	private static DomainException windowClosed(GuideSubmissionWindow window) {
		DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(window.timeZone());
		String opens = format.format(window.opens());
		String closes = format.format(window.closes());
		return new DomainException(409, "WINDOW_CLOSED",
				"guides are submitted from " + opens + " to " + closes + " (inclusive)", opens, closes);
	}

	private static DomainException notEligible(BatchEligibility eligibility) {
		List<FieldViolation> violations = eligibility.conditions()
			.stream()
			.filter(condition -> !condition.met())
			.map(GuideManagement::unmet)
			.toList();
		String codes = eligibility.conditions()
			.stream()
			.filter(condition -> !condition.met())
			.map(Condition::code)
			.collect(Collectors.joining(", "));
		return new DomainException(409, "ENTERPRISE_NOT_ELIGIBLE", violations, "the enterprise does not meet: " + codes,
				codes);
	}

	private static FieldViolation unmet(Condition condition) {
		return new FieldViolation("conditions." + condition.code(),
				UNMET_CONDITION.getOrDefault(condition.code(), "CONDITION_NOT_MET"),
				condition.code() + " not met" + (condition.facts().isEmpty() ? "" : ": " + condition.facts()));
	}

	private Guide own(UUID guideId, UUID enterpriseId) {
		return this.guides.findById(guideId)
			.filter(guide -> guide.enterpriseId().equals(enterpriseId))
			.orElseThrow(() -> DomainException.notFound("guide"));
	}

	private Guide load(UUID guideId) {
		return this.guides.findById(guideId).orElseThrow(() -> DomainException.notFound("guide"));
	}

	private BatchView batch(UUID batchId) {
		return this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
	}

	private EnterpriseView enterprise(UUID enterpriseId) {
		return this.enterprises.find(enterpriseId).orElseThrow(() -> DomainException.notFound("enterprise"));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("reason", "REQUIRED", "a reason is required");
		}
		if (reason.trim().length() > MAX_REASON) {
			throw DomainException.invalid("reason", "TOO_LONG", "at most " + MAX_REASON + " characters");
		}
		return reason.trim();
	}

	private static String text(List<FieldViolation> violations, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			violations.add(new FieldViolation(field, "REQUIRED", "required"));
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			violations.add(new FieldViolation(field, "TOO_LONG", "at most " + max + " characters"));
			return null;
		}
		return trimmed;
	}

	private static Money amount(List<FieldViolation> violations, String field, Money value) {
		Money amount = (value == null) ? Money.ZERO : value;
		if (amount.isNegative()) {
			violations.add(new FieldViolation(field, "NEGATIVE_AMOUNT", "may not be negative"));
			return null;
		}
		if (MAX_PER_PROJECT.isLessThan(amount)) {
			violations.add(new FieldViolation(field, "AMOUNT_TOO_LARGE", "at most " + MAX_PER_PROJECT));
			return null;
		}
		return amount;
	}

}
