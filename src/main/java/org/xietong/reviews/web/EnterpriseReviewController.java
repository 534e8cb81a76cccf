package org.xietong.reviews.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationQueries;
import org.xietong.guides.GuideView;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeView;
import org.xietong.reviews.AssignmentPlanView;
import org.xietong.reviews.Ranking;
import org.xietong.reviews.Rankings;
import org.xietong.reviews.ReviewAssignments;
import org.xietong.reviews.ReviewOpening;
import org.xietong.reviews.ReviewPlans;
import org.xietong.reviews.Selections;
import org.xietong.shared.DomainException;

/**
 * The enterprise's review (企业评审): its published guides by batch with how far each review
 * is, and one page per guide where everything the review's state allows is done — the
 * plan, assigning experts by hand or by the automatic plan (previewed first), conflicts
 * added by hand, the ranking with its spreadsheet, the selection, the result notice and
 * the recommendation to the department. Every refusal comes back on the page, in the
 * section it concerns.
 */
@Controller
class EnterpriseReviewController {

	private final GuideReviewPage page;

	private final ReviewPlans plans;

	private final ReviewAssignments assignments;

	private final Rankings rankings;

	private final Selections selections;

	private final ApplicationQueries applications;

	private final NoticeBoard notices;

	private final ReviewPageSupport support;

	private final ReviewOpening opening;

	EnterpriseReviewController(GuideReviewPage page, ReviewPlans plans, ReviewAssignments assignments,
			Rankings rankings, Selections selections, ApplicationQueries applications, NoticeBoard notices,
			ReviewPageSupport support, ReviewOpening opening) {
		this.page = page;
		this.plans = plans;
		this.assignments = assignments;
		this.rankings = rankings;
		this.selections = selections;
		this.applications = applications;
		this.notices = notices;
		this.support = support;
		this.opening = opening;
	}

	@GetMapping("/enterprise/reviews")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		model.addAttribute("batches", this.page.progress(user));
		return "reviews/guides";
	}

	@GetMapping("/enterprise/reviews/{guideId}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId, Locale locale, Model model) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		return this.page.render(user, guideId, GuideReviewPage.Extras.none(), locale, model);
	}

	@PostMapping("/enterprise/reviews/{guideId}/plan")
	String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestParam(name = "criterionName", required = false) List<String> names,
			@RequestParam(name = "criterionWeight", required = false) List<String> weights,
			@RequestParam(name = "criterionMax", required = false) List<String> maxScores,
			@RequestParam(required = false) String expertsPerApplication,
			@RequestParam(required = false) String scoringDeadline,
			@RequestParam(required = false) String disagreementMargin,
			@RequestParam(required = false) String maxPerExpert, @RequestParam(required = false) String version,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		GuideView guide = this.page.guide(guideId, user);
		PlanForm form = PlanForm.of(names, weights, maxScores, expertsPerApplication, scoringDeadline,
				disagreementMargin, maxPerExpert, version);
		try {
			this.plans.put(guideId, user, form.request(this.page.batch(guide).timeZone()));
		}
		catch (DomainException ex) {
			return refused(user, guideId, "plan", ex, locale, model, response, extras -> extras.withPlanForm(form));
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.planSaved");
		return "redirect:/enterprise/reviews/" + guideId + "#plan";
	}

	@PostMapping("/enterprise/reviews/{guideId}/assign")
	String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestParam UUID applicationId, @RequestParam(required = false) UUID expertId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		requireOfGuide(applicationId, guideId, user);
		try {
			if (expertId == null) {
				throw DomainException.invalid("expertId", "REQUIRED", "choose an expert");
			}
			this.assignments.assign(applicationId, expertId, user);
		}
		catch (DomainException ex) {
			return refused(user, guideId, "assignments", ex, locale, model, response, extras -> extras);
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.assigned");
		return "redirect:/enterprise/reviews/" + guideId + "#assignments";
	}

	@PostMapping("/enterprise/reviews/{guideId}/conflicts")
	String conflict(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestParam UUID applicationId, @RequestParam(required = false) UUID expertId,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		requireOfGuide(applicationId, guideId, user);
		try {
			if (expertId == null) {
				throw DomainException.invalid("expertId", "REQUIRED", "choose an expert");
			}
			this.assignments.addConflict(applicationId, expertId, (reason == null) ? "" : reason, user);
		}
		catch (DomainException ex) {
			return refused(user, guideId, "assignments", ex, locale, model, response, extras -> extras);
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.conflictAdded");
		return "redirect:/enterprise/reviews/" + guideId + "#assignments";
	}

	/**
	 * The automatic plan previewed, changing nothing: for htmx the plan's panel alone,
	 * otherwise the whole page with it.
	 */
	@GetMapping("/enterprise/reviews/{guideId}/auto")
	String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
			HttpServletResponse response) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		GuideView guide = this.page.guide(guideId, user);
		AutoPreview preview;
		try {
			preview = this.page.preview(this.assignments.auto(guideId, true, user), guide);
		}
		catch (DomainException ex) {
			return refused(user, guideId, "auto", ex, locale, model, response, extras -> extras);
		}
		if ("true".equals(htmx)) {
			model.addAttribute("guideId", guideId.toString());
			model.addAttribute("preview", preview);
			return "reviews/parts/autoPlan";
		}
		return this.page.render(user, guideId,
				new GuideReviewPage.Extras("auto", ReviewPageSupport.Refusal.none(), null, null, null, null, null, null)
					.withPreview(preview),
				locale, model);
	}

	@PostMapping("/enterprise/reviews/{guideId}/auto")
	String applyAuto(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		GuideView guide = this.page.guide(guideId, user);
		AssignmentPlanView applied;
		try {
			applied = this.assignments.auto(guideId, false, user);
		}
		catch (DomainException ex) {
			AutoPreview preview = "INSUFFICIENT_EXPERTS".equals(ex.code())
					? this.page.preview(this.assignments.auto(guideId, true, user), guide) : null;
			return refused(user, guideId, "auto", ex, locale, model, response, extras -> extras.withPreview(preview));
		}
		redirect.addFlashAttribute("notice",
				applied.items().isEmpty() ? "reviewPages.notice.autoNothing" : "reviewPages.notice.autoApplied");
		return "redirect:/enterprise/reviews/" + guideId + "#assignments";
	}

	@GetMapping("/enterprise/reviews/{guideId}/ranking.xlsx")
	void rankingWorkbook(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			HttpServletResponse response) throws IOException {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		RankingWorkbook.send(this.rankings.of(guideId, user), response);
	}

	@PostMapping("/enterprise/reviews/{guideId}/selection")
	String select(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestParam(name = "applicationId", required = false) List<String> chosen,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		List<String> typed = (chosen == null) ? List.of() : chosen;
		try {
			List<UUID> ids = new ArrayList<>();
			for (String id : typed) {
				ids.add(uuid(id, "applicationIds"));
			}
			this.selections.select(guideId, user, ids, reason);
		}
		catch (DomainException ex) {
			return refused(user, guideId, "selection", ex, locale, model, response,
					extras -> extras.withSelection(typed, reason));
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.selected");
		return "redirect:/enterprise/reviews/" + guideId + "#selection";
	}

	/**
	 * Opens the REVIEW_RESULTS notice for the guide's selected applications, as the
	 * notices API does for an enterprise.
	 */
	@PostMapping("/enterprise/reviews/{guideId}/notice")
	String openNotice(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		GuideView guide = this.page.guide(guideId, user);
		NoticeView opened;
		try {
			// Told first: before the window closes there is no selection to speak of.
			this.opening.require(guide.batchId(), "resultNotice");
			List<UUID> selected = selected(guideId, user);
			if (selected.isEmpty()) {
				throw DomainException.invalid("subjectIds", "NOT_SELECTED", "select applications first");
			}
			opened = this.notices.open(guide.batchId(), NoticeKind.REVIEW_RESULTS, title, body, selected,
					user.organizationId(), user.username());
		}
		catch (DomainException ex) {
			return refused(user, guideId, "notice", ex, locale, model, response,
					extras -> extras.withNotice(title, body));
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.noticeOpened");
		return "redirect:/notices/" + opened.id();
	}

	@PostMapping("/enterprise/reviews/{guideId}/recommend")
	String recommend(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		GuideView guide = this.page.guide(guideId, user);
		try {
			List<UUID> selected = this.rankings.of(guideId, user)
				.items()
				.stream()
				.filter(item -> item.status().equals("SELECTED"))
				.map(Ranking.Item::applicationId)
				.toList();
			this.selections.recommend(guide.batchId(), user, selected);
		}
		catch (DomainException ex) {
			return refused(user, guideId, "recommend", ex, locale, model, response, extras -> extras);
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.recommended");
		return "redirect:/enterprise/reviews/" + guideId + "#selection";
	}

	private List<UUID> selected(UUID guideId, CurrentUser user) {
		return this.rankings.of(guideId, user)
			.items()
			.stream()
			.filter(Ranking.Item::selected)
			.map(Ranking.Item::applicationId)
			.toList();
	}

	/** The application when it is one of the guide's; not found otherwise. */
	private void requireOfGuide(UUID applicationId, UUID guideId, CurrentUser user) {
		this.page.guide(guideId, user);
		this.applications.forReview(applicationId)
			.filter(application -> application.guideId().equals(guideId))
			.orElseThrow(() -> DomainException.notFound("application"));
	}

	private String refused(CurrentUser user, UUID guideId, String section, DomainException ex, Locale locale,
			Model model, HttpServletResponse response, java.util.function.UnaryOperator<GuideReviewPage.Extras> typed) {
		ReviewPageSupport.Refusal refusal = this.support.refusal(ex, locale);
		response.setStatus(refusal.status());
		return this.page.render(user, guideId, typed.apply(GuideReviewPage.Extras.refused(section, refusal)), locale,
				model);
	}

	private static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(field, "INVALID", "not an id");
		}
	}

}
