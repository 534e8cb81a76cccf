package org.xietong.reviews.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationStatus;
import org.xietong.applications.ApplicationSummary;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeView;
import org.xietong.organizations.ExpertView;
import org.xietong.reviews.AssignmentPlanView;
import org.xietong.reviews.AssignmentView;
import org.xietong.reviews.Ranking;
import org.xietong.reviews.Rankings;
import org.xietong.reviews.ReviewAssignments;
import org.xietong.reviews.ReviewPlan;
import org.xietong.reviews.ReviewPlans;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The enterprise's review page of one guide, and its progress for the list: the plan, the
 * experts of each application, the automatic plan, the ranking and the selection, and
 * what the selection's state allows next (the result notice, a redo after an upheld
 * objection, the recommendation).
 */
@Component
class GuideReviewPage {

	private final GuideCatalogue guides;

	private final BatchManagement batches;

	private final ReviewPlans plans;

	private final ReviewAssignments assignments;

	private final Rankings rankings;

	private final ApplicationQueries applications;

	private final NoticeBoard notices;

	private final MessageSource messages;

	GuideReviewPage(GuideCatalogue guides, BatchManagement batches, ReviewPlans plans, ReviewAssignments assignments,
			Rankings rankings, ApplicationQueries applications, NoticeBoard notices, MessageSource messages) {
		this.guides = guides;
		this.batches = batches;
		this.plans = plans;
		this.assignments = assignments;
		this.rankings = rankings;
		this.applications = applications;
		this.notices = notices;
		this.messages = messages;
	}

	/** A published guide of the user's enterprise; another's is not found. */
	GuideView guide(UUID guideId, CurrentUser user) {
		return this.guides.find(guideId)
			.filter(guide -> guide.enterpriseId().equals(user.organizationId()))
			.filter(guide -> guide.status() == GuideStatus.PUBLISHED)
			.orElseThrow(() -> DomainException.notFound("guide"));
	}

	BatchView batch(GuideView guide) {
		return this.batches.find(guide.batchId()).orElseThrow();
	}

	/**
	 * The applications to the guide that its university endorsed, first submitted first.
	 */
	List<ApplicationSummary> endorsed(GuideView guide) {
		List<ApplicationSummary> found = new ArrayList<>();
		ApplicationQuery query = new ApplicationQuery(new ApplicationQuery.Enterprise(guide.enterpriseId()),
				guide.batchId(), guide.id(), null, null, null, null);
		int page = 0;
		PageResult<ApplicationSummary> result;
		do {
			result = this.applications.search(query, page++, PageResult.MAX_SIZE);
			result.items().stream().filter(a -> a.status().isEndorsed()).forEach(found::add);
		}
		while (result.hasNext());
		found.sort(java.util.Comparator.comparing(ApplicationSummary::submittedAt,
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		return found;
	}

	/** The enterprise's published guides by batch, each with how far its review is. */
	List<BatchGuides> progress(CurrentUser user) {
		Map<UUID, List<GuideProgress>> byBatch = new LinkedHashMap<>();
		this.guides.forEach(
				org.xietong.guides.GuideQuery.own(user.organizationId())
					.filter(null, GuideStatus.PUBLISHED, null, null, null, null, null, null, null),
				guide -> byBatch.computeIfAbsent(guide.batchId(), id -> new ArrayList<>()).add(progress(guide, user)));
		List<BatchGuides> groups = new ArrayList<>();
		byBatch.forEach((batchId, list) -> this.batches.find(batchId)
			.ifPresent(batch -> groups.add(new BatchGuides(batch, list))));
		return groups;
	}

	private GuideProgress progress(GuideView guide, CurrentUser user) {
		int endorsed = endorsed(guide).size();
		List<AssignmentView> all = this.assignments.forGuide(guide.id(), user);
		long active = all.stream().filter(a -> !"DECLINED".equals(a.status())).count();
		long submitted = all.stream().filter(a -> "SUBMITTED".equals(a.status())).count();
		Optional<ReviewPlan> plan = this.plans.find(guide.id());
		String state = plan.isPresent() ? this.rankings.of(guide.id(), user).selectionState() : "NONE";
		return new GuideProgress(guide, endorsed, active,
				plan.map(p -> p.expertsPerApplication() * endorsed).orElse(null), submitted, state);
	}

	/** The automatic plan as the page shows it, applications named by their titles. */
	AutoPreview preview(AssignmentPlanView plan, GuideView guide) {
		Map<UUID, String> titles = new HashMap<>();
		endorsed(guide).forEach(a -> titles.put(a.id(), a.title()));
		Map<UUID, List<String>> experts = new LinkedHashMap<>();
		plan.items()
			.forEach(item -> experts.computeIfAbsent(item.applicationId(), k -> new ArrayList<>())
				.add(item.expertName()));
		List<AutoPreview.Line> lines = new ArrayList<>();
		experts.forEach((id, names) -> lines.add(new AutoPreview.Line(titles.getOrDefault(id, id.toString()), names)));
		List<AutoPreview.Short> shortOf = plan.shortOf()
			.stream()
			.map(s -> new AutoPreview.Short(titles.getOrDefault(s.applicationId(), s.applicationId().toString()),
					s.missing()))
			.toList();
		return new AutoPreview(lines, shortOf, plan.items().size(), plan.complete());
	}

	/**
	 * The result notice of the guide: the latest REVIEW_RESULTS notice on its
	 * applications.
	 */
	Optional<NoticeView> notice(GuideView guide, Set<UUID> applicationIds) {
		return this.notices.search(guide.batchId(), NoticeKind.REVIEW_RESULTS, null, 0, PageResult.MAX_SIZE)
			.items()
			.stream()
			.filter(notice -> notice.openerOrganizationId().equals(guide.enterpriseId()))
			.map(notice -> this.notices.find(notice.id()).orElse(notice))
			.filter(notice -> notice.subjects().stream().anyMatch(s -> applicationIds.contains(s.id())))
			.findFirst();
	}

	String render(CurrentUser user, UUID guideId, Extras extras, Locale locale, Model model) {
		GuideView guide = guide(guideId, user);
		BatchView batch = batch(guide);
		ZoneId zone = batch.timeZone();
		ReviewPlan plan = this.plans.find(guideId).orElse(null);
		List<ApplicationSummary> endorsed = endorsed(guide);
		Set<UUID> ids = new HashSet<>();
		endorsed.forEach(a -> ids.add(a.id()));
		Map<UUID, List<AssignmentView>> byApplication = new HashMap<>();
		this.assignments.forGuide(guideId, user)
			.forEach(a -> byApplication.computeIfAbsent(a.applicationId(), k -> new ArrayList<>()).add(a));
		List<ExpertView> pool = this.assignments.pool(user);
		List<ApplicationRow> rows = new ArrayList<>();
		for (ApplicationSummary application : endorsed) {
			List<AssignmentView> mine = byApplication.getOrDefault(application.id(), List.of());
			Set<UUID> ever = new HashSet<>();
			mine.forEach(a -> ever.add(a.expertId()));
			rows.add(new ApplicationRow(application, mine,
					mine.stream().filter(a -> !"DECLINED".equals(a.status())).count(),
					application.status() == ApplicationStatus.ENDORSED
							|| application.status() == ApplicationStatus.UNDER_REVIEW,
					pool.stream().filter(e -> !ever.contains(e.id())).toList()));
		}
		Ranking ranking = (plan == null) ? null : this.rankings.of(guideId, user);
		String state = (ranking == null) ? "NONE" : ranking.selectionState();
		NoticeView notice = notice(guide, ids).orElse(null);
		Set<UUID> revoked = new HashSet<>();
		Map<UUID, String> titles = new HashMap<>();
		endorsed.forEach(a -> titles.put(a.id(), a.title()));
		List<UpheldObjection> upheld = new ArrayList<>();
		if (notice != null) {
			notice.subjects().stream().filter(NoticeView.Subject::revoked).forEach(s -> revoked.add(s.id()));
			this.notices.objections(notice.id())
				.stream()
				.filter(o -> "UPHELD".equals(o.status()))
				.forEach(o -> upheld.add(new UpheldObjection(titles.getOrDefault(o.subjectId(), ""), o.response())));
		}
		Set<UUID> selectable = new HashSet<>();
		List<Ranking.Item> recommendable = new ArrayList<>();
		Set<String> checked = new HashSet<>();
		if (ranking != null) {
			for (Ranking.Item item : ranking.items()) {
				if ((item.status().equals("UNDER_REVIEW") || item.status().equals("SELECTED"))
						&& !revoked.contains(item.applicationId())) {
					selectable.add(item.applicationId());
				}
				if (item.status().equals("SELECTED")) {
					recommendable.add(item);
				}
				if (item.selected()) {
					checked.add(item.applicationId().toString());
				}
			}
		}
		if (extras.selection() != null) {
			checked = new HashSet<>(extras.selection());
		}
		model.addAttribute("guide", guide);
		model.addAttribute("batch", batch);
		model.addAttribute("zone", zone);
		model.addAttribute("plan", plan);
		model.addAttribute("planForm", (extras.planForm() != null) ? extras.planForm() : PlanForm.of(plan, batch));
		model.addAttribute("rows", rows);
		model.addAttribute("pool", pool);
		model.addAttribute("ranking", ranking);
		model.addAttribute("state", state);
		model.addAttribute("selectable", selectable);
		model.addAttribute("checked", checked);
		model.addAttribute("recommendable", recommendable);
		model.addAttribute("notice", notice);
		model.addAttribute("upheld", upheld);
		model.addAttribute("preview", extras.preview());
		model.addAttribute("section", (extras.section() == null) ? "" : extras.section());
		model.addAttribute("errors", extras.refusal().errors());
		model.addAttribute("problems", extras.refusal().lines());
		model.addAttribute("reason", ReviewDisplay.text(extras.reason()));
		model.addAttribute("noticeTitle", (extras.noticeTitle() != null) ? extras.noticeTitle() : this.messages
			.getMessage("reviewPages.resultNotice.defaultTitle", new Object[] { guide.title() }, locale));
		model.addAttribute("noticeBody", (extras.noticeBody() != null) ? extras.noticeBody()
				: this.messages.getMessage("reviewPages.resultNotice.defaultBody", null, locale));
		return "reviews/guide";
	}

	/**
	 * What a request adds to the page: the section it concerns with its refusal, and what
	 * was typed there.
	 */
	record Extras(String section, ReviewPageSupport.Refusal refusal, PlanForm planForm, AutoPreview preview,
			List<String> selection, String reason, String noticeTitle, String noticeBody) {

		static Extras none() {
			return new Extras(null, ReviewPageSupport.Refusal.none(), null, null, null, null, null, null);
		}

		static Extras refused(String section, ReviewPageSupport.Refusal refusal) {
			return new Extras(section, refusal, null, null, null, null, null, null);
		}

		Extras withPlanForm(PlanForm form) {
			return new Extras(this.section, this.refusal, form, this.preview, this.selection, this.reason,
					this.noticeTitle, this.noticeBody);
		}

		Extras withPreview(AutoPreview shown) {
			return new Extras(this.section, this.refusal, this.planForm, shown, this.selection, this.reason,
					this.noticeTitle, this.noticeBody);
		}

		Extras withSelection(List<String> chosen, String typedReason) {
			return new Extras(this.section, this.refusal, this.planForm, this.preview, chosen, typedReason,
					this.noticeTitle, this.noticeBody);
		}

		Extras withNotice(String title, String body) {
			return new Extras(this.section, this.refusal, this.planForm, this.preview, this.selection, this.reason,
					title, body);
		}

	}

}
