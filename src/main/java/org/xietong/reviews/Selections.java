package org.xietong.reviews;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationReview;
import org.xietong.applications.ApplicationView;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideView;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeSubjects;
import org.xietong.notices.NoticeView;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * The enterprise's selection per guide and what follows it: at most the guide's projects,
 * a written reason to depart from the ranking, the result notice (redone when an
 * objection is upheld), the applications not selected when it closes, and the
 * recommendation to the department.
 */
@Service
public class Selections {

	/** Open to change (before the notice, or sent back by an upheld objection). */
	static final Set<String> CHANGEABLE = Set.of("NONE", "OPEN", "REOPENED");

	private final JdbcClient jdbc;

	private final Rankings rankings;

	private final ReviewPlans plans;

	private final ApplicationReview review;

	private final ApplicationQueries applications;

	private final GuideCatalogue guides;

	private final NoticeBoard notices;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReviewOpening opening;

	Selections(JdbcClient jdbc, Rankings rankings, ReviewPlans plans, ApplicationReview review,
			ApplicationQueries applications, GuideCatalogue guides,
			// Lazy: the notice board asks this module's ReviewNotices for its subjects.
			@org.springframework.context.annotation.Lazy NoticeBoard notices, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, ReviewOpening opening) {
		this.jdbc = jdbc;
		this.rankings = rankings;
		this.plans = plans;
		this.review = review;
		this.applications = applications;
		this.guides = guides;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.opening = opening;
	}

	/**
	 * Selects applications of a guide: at most its projects ({@code QUOTA_EXCEEDED});
	 * leaving out one ranked higher than one selected needs a reason
	 * ({@code SELECTION_REASON_REQUIRED}), kept in the audit trail. Not before the
	 * batch's application window has closed ({@code NOT_YET_OPEN}).
	 */
	@Transactional
	public Ranking select(UUID guideId, CurrentUser user, List<UUID> applicationIds, String reason) {
		GuideView guide = this.plans.ownGuide(guideId, user);
		this.opening.require(guide.batchId(), "selection");
		String state = state(guideId);
		if (!CHANGEABLE.contains(state)) {
			throw DomainException.illegalTransition("the selection is under its result notice (" + state + ")", state);
		}
		Ranking ranking = this.rankings.rank(guide);
		Map<UUID, Ranking.Item> items = ranking.items()
			.stream()
			.collect(Collectors.toMap(Ranking.Item::applicationId, Function.identity()));
		Set<UUID> chosen = new LinkedHashSet<>((applicationIds == null) ? List.of() : applicationIds);
		Set<UUID> excluded = excluded(guideId);
		List<FieldViolation> unknown = new ArrayList<>();
		for (UUID id : chosen) {
			Ranking.Item item = items.get(id);
			if (item == null || !(item.status().equals("UNDER_REVIEW") || item.status().equals("SELECTED"))) {
				unknown.add(new FieldViolation("applicationIds", "NOT_IN_REVIEW", id + " is not under review here"));
			}
			else if (excluded.contains(id)) {
				unknown.add(new FieldViolation("applicationIds", "OBJECTION_UPHELD",
						item.title() + ": an upheld objection took it out of the result"));
			}
		}
		if (!unknown.isEmpty()) {
			throw DomainException.invalid(unknown);
		}
		if (chosen.size() > guide.projectsOffered()) {
			throw new DomainException(409, "QUOTA_EXCEEDED",
					chosen.size() + " selected, the guide offers " + guide.projectsOffered(), chosen.size(),
					guide.projectsOffered())
				.detailKey("error.QUOTA_EXCEEDED.selection");
		}
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (why != null && why.length() > 5000) {
			throw DomainException.invalid("reason", "TOO_LONG", "at most 5000 characters");
		}
		List<String> skipped = skipped(ranking, chosen, excluded);
		if (!skipped.isEmpty() && why == null) {
			throw new DomainException(422, "SELECTION_REASON_REQUIRED",
					List.of(new FieldViolation("reason", "SELECTION_REASON_REQUIRED",
							"higher-ranked applications are left out: " + String.join(", ", skipped))),
					"higher-ranked applications are left out: " + String.join(", ", skipped),
					String.join("、", skipped));
		}
		Set<UUID> before = selected(guideId);
		Set<UUID> dropped = new HashSet<>(before);
		dropped.removeAll(chosen);
		this.review.select(chosen, dropped, why);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String next = state.equals("REOPENED") ? "NOTICE" : "OPEN";
		if (state.equals("NONE")) {
			this.jdbc
				.sql("""
						INSERT INTO review_selections (guide_id, batch_id, enterprise_id, state, reason, selected_at, version)
						VALUES (:guide, :batch, :enterprise, 'OPEN', :reason, :at, 0)""")
				.param("guide", guideId)
				.param("batch", guide.batchId())
				.param("enterprise", guide.enterpriseId())
				.param("reason", why)
				.param("at", now)
				.update();
		}
		else {
			this.jdbc
				.sql("""
						UPDATE review_selections SET state = :state, reason = :reason, selected_at = :at, version = version + 1
						WHERE guide_id = :guide""")
				.param("state", next)
				.param("reason", why)
				.param("at", now)
				.param("guide", guideId)
				.update();
		}
		this.jdbc.sql("DELETE FROM review_selected WHERE guide_id = :guide").param("guide", guideId).update();
		for (UUID id : chosen) {
			this.jdbc
				.sql("INSERT INTO review_selected (guide_id, application_id, rank_at_selection) VALUES (:g, :a, :r)")
				.param("g", guideId)
				.param("a", id)
				.param("r", items.get(id).rank())
				.update();
		}
		if (state.equals("REOPENED")) {
			openNotice(guide).ifPresent(
					notice -> this.notices.addSubjects(notice.id(), chosen.stream().map(this::subject).toList()));
		}
		this.audit.record(AuditEvent.of("REVIEW_SELECTION", "Guide", guideId)
			.before("selected=" + before)
			.after("selected="
					+ chosen.stream()
						.map(id -> items.get(id).number() + " (rank " + items.get(id).rank() + ")")
						.toList()
					+ (skipped.isEmpty() ? ""
							: ", departing from the ranking (" + String.join(", ", skipped) + ") because: " + why)));
		return this.rankings.rank(guide);
	}

	/** The applications ranked above the lowest selected one that are left out. */
	static List<String> skipped(Ranking ranking, Set<UUID> chosen, Set<UUID> excluded) {
		int worst = ranking.items()
			.stream()
			.filter(item -> chosen.contains(item.applicationId()))
			.mapToInt(Ranking.Item::rank)
			.max()
			.orElse(0);
		return ranking.items()
			.stream()
			.filter(item -> !chosen.contains(item.applicationId()) && !excluded.contains(item.applicationId())
					&& item.rank() < worst
					&& (item.status().equals("UNDER_REVIEW") || item.status().equals("SELECTED")))
			.map(item -> (item.number() != null ? item.number() : item.title()) + " (rank " + item.rank() + ")")
			.toList();
	}

	/**
	 * The enterprise recommends selected applications to the department, each from a
	 * guide whose result notice has closed.
	 */
	@Transactional
	public List<UUID> recommend(UUID batchId, CurrentUser user, List<UUID> applicationIds) {
		ReviewAccess.requireEnterprise(user);
		if (applicationIds == null || applicationIds.isEmpty()) {
			throw DomainException.invalid("applicationIds", "REQUIRED", "name at least one application");
		}
		List<FieldViolation> violations = new ArrayList<>();
		List<ApplicationView> recommended = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(applicationIds)) {
			Optional<ApplicationView> application = this.applications.forReview(id)
				.filter(a -> a.enterpriseId().equals(user.organizationId()) && a.batchId().equals(batchId));
			if (application.isEmpty()) {
				violations.add(new FieldViolation("applicationIds", "UNKNOWN_APPLICATION", id + " not found"));
				continue;
			}
			if (!state(application.get().guideId()).equals("CLOSED")) {
				violations.add(new FieldViolation("applicationIds", "NOTICE_NOT_CLOSED",
						application.get().title() + ": its result notice has not closed"));
				continue;
			}
			recommended.add(application.get());
		}
		if (!violations.isEmpty()) {
			boolean notClosed = violations.stream().allMatch(v -> v.code().equals("NOTICE_NOT_CLOSED"));
			throw notClosed ? new DomainException(409, "NOTICE_NOT_CLOSED", violations,
					"recommend after the result notice closed") : DomainException.invalid(violations);
		}
		List<UUID> ids = recommended.stream().map(ApplicationView::id).toList();
		this.review.recommend(ids);
		this.audit.record(AuditEvent.of("APPLICATIONS_RECOMMENDED", "Batch", batchId)
			.after(recommended.stream().map(ApplicationView::number).toList().toString()));
		for (ApplicationView application : recommended) {
			this.events.publishEvent(new ApplicationRecommended(application.id(), application.leaderId(),
					application.universityId(), application.title(), experts(application.id())));
		}
		return ids;
	}

	// The result notice (REVIEW_RESULTS), as the notices module asks.

	/**
	 * Puts selected applications of the enterprise's guides in the batch under notice.
	 */
	List<NoticeSubjects.NoticeSubject> putUnderNotice(UUID batchId, UUID enterpriseId, List<UUID> subjectIds) {
		this.opening.require(batchId, "resultNotice");
		List<FieldViolation> violations = new ArrayList<>();
		Set<UUID> guideIds = new LinkedHashSet<>();
		for (UUID id : subjectIds) {
			Optional<ApplicationView> application = this.applications.forReview(id)
				.filter(a -> a.enterpriseId().equals(enterpriseId) && a.batchId().equals(batchId));
			if (application.isEmpty() || !selected(application.get().guideId()).contains(id)) {
				violations.add(new FieldViolation("subjectIds", "NOT_SELECTED", id + " is not a selected application"));
				continue;
			}
			guideIds.add(application.get().guideId());
		}
		for (UUID guideId : guideIds) {
			if (!state(guideId).equals("OPEN")) {
				violations.add(new FieldViolation("subjectIds", "SELECTION_NOT_OPEN",
						"guide " + guideId + " is " + state(guideId)));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		for (UUID guideId : guideIds) {
			setState(guideId, "NOTICE", null);
		}
		return subjectIds.stream().map(this::subject).toList();
	}

	/**
	 * An upheld objection takes its application out and sends the guide's selection back.
	 */
	void objectionUpheld(UUID applicationId, String response) {
		this.applications.forReview(applicationId).ifPresent(application -> {
			this.review.unselect(applicationId, "objection upheld: " + response);
			this.jdbc.sql("DELETE FROM review_selected WHERE guide_id = :g AND application_id = :a")
				.param("g", application.guideId())
				.param("a", applicationId)
				.update();
			this.jdbc.sql("""
					INSERT INTO review_upheld_objections (application_id, guide_id, response, upheld_at)
					SELECT :a, :g, :response, :at WHERE NOT EXISTS (SELECT 1 FROM review_upheld_objections
					  WHERE application_id = :a)""")
				.param("a", applicationId)
				.param("g", application.guideId())
				.param("response", response)
				.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update();
			setState(application.guideId(), "REOPENED", response);
			this.events.publishEvent(new SelectionReopened(application.guideId(), application.enterpriseId(),
					application.title(), response));
		});
	}

	/** The guides whose selection an upheld objection sent back and is not yet redone. */
	List<String> reopened(List<UUID> subjectIds) {
		Set<String> titles = new LinkedHashSet<>();
		for (UUID id : subjectIds) {
			this.applications.forReview(id)
				.filter(application -> state(application.guideId()).equals("REOPENED"))
				.ifPresent(application -> titles.add(this.guides.find(application.guideId())
					.map(GuideView::title)
					.orElse(application.guideId().toString())));
		}
		return List.copyOf(titles);
	}

	/**
	 * The notice closed: the selection stands, the rest of each guide was not selected.
	 */
	void noticeClosed(List<UUID> subjectIds) {
		Set<UUID> guideIds = new LinkedHashSet<>();
		for (UUID id : subjectIds) {
			this.applications.forReview(id).ifPresent(application -> guideIds.add(application.guideId()));
		}
		for (UUID guideId : guideIds) {
			setState(guideId, "CLOSED", null);
			GuideView guide = this.guides.find(guideId).orElseThrow();
			List<UUID> rest = this.rankings.rank(guide)
				.items()
				.stream()
				.filter(item -> item.status().equals("UNDER_REVIEW"))
				.map(Ranking.Item::applicationId)
				.toList();
			this.review.notSelected(rest);
		}
	}

	private NoticeSubjects.NoticeSubject subject(UUID applicationId) {
		ApplicationView application = this.applications.forReview(applicationId).orElseThrow();
		return new NoticeSubjects.NoticeSubject(application.id(), application.title(),
				application.guideTitle() + " · " + application.leaderName() + " · " + application.universityName());
	}

	private Optional<NoticeView> openNotice(GuideView guide) {
		return this.notices.search(guide.batchId(), NoticeKind.REVIEW_RESULTS, "OPEN", 0, 200)
			.items()
			.stream()
			.filter(notice -> notice.openerOrganizationId().equals(guide.enterpriseId()))
			.filter(notice -> this.notices.find(notice.id())
				.map(full -> full.subjects()
					.stream()
					.anyMatch(s -> this.applications.forReview(s.id())
						.map(a -> a.guideId().equals(guide.id()))
						.orElse(false)))
				.orElse(false))
			.findFirst();
	}

	private List<UUID> experts(UUID applicationId) {
		return this.jdbc
			.sql("""
					SELECT expert_id FROM review_assignments WHERE application_id = :application AND status = 'SUBMITTED'""")
			.param("application", applicationId)
			.query(UUID.class)
			.list();
	}

	/** The applications of the guide that upheld objections took out of its result. */
	Set<UUID> excluded(UUID guideId) {
		return Set.copyOf(this.jdbc.sql("SELECT application_id FROM review_upheld_objections WHERE guide_id = :guide")
			.param("guide", guideId)
			.query(UUID.class)
			.list());
	}

	Set<UUID> selected(UUID guideId) {
		return Set.copyOf(this.jdbc.sql("SELECT application_id FROM review_selected WHERE guide_id = :guide")
			.param("guide", guideId)
			.query(UUID.class)
			.list());
	}

	String state(UUID guideId) {
		return this.jdbc.sql("SELECT state FROM review_selections WHERE guide_id = :guide")
			.param("guide", guideId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private void setState(UUID guideId, String state, String reopenedReason) {
		this.jdbc.sql("""
				UPDATE review_selections SET state = :state, reopened_reason = COALESCE(:reason, reopened_reason),
				  version = version + 1 WHERE guide_id = :guide""")
			.param("state", state)
			.param("reason", reopenedReason)
			.param("guide", guideId)
			.update();
		this.audit.record(AuditEvent.of("REVIEW_SELECTION_" + state, "Guide", guideId)
			.after(state + ((reopenedReason == null) ? "" : ": " + reopenedReason)));
	}

}
