package org.xietong.reviews.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.reviews.AssignmentView;
import org.xietong.reviews.ReviewAssignments;
import org.xietong.reviews.ReviewOpening;
import org.xietong.reviews.ReviewPlan;
import org.xietong.reviews.ReviewPlans;
import org.xietong.reviews.ReviewSheet;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The expert's review tasks (我的评审任务): its assignments, soonest deadline first; on each,
 * the application with its attachments and the criteria, and what the assignment's status
 * allows: accept (confirming no conflict of interest) or decline with a reason, then
 * score — a draft saved as the expert types, then submitted. Nothing of the other experts
 * is ever shown.
 */
@Controller
class ExpertReviewController {

	static final List<String> STATUSES = List.of("ASSIGNED", "ACCEPTED", "SUBMITTED", "DECLINED");

	private static final int PAGE_SIZE = 20;

	private static final Pattern SCORE_ROW = Pattern.compile("scores\\[(\\d+)\\].*");

	private final ReviewAssignments assignments;

	private final ReviewPlans plans;

	private final BatchManagement batches;

	private final ReviewPageSupport support;

	private final Clock clock;

	private final ReviewOpening opening;

	ExpertReviewController(ReviewAssignments assignments, ReviewPlans plans, BatchManagement batches,
			ReviewPageSupport support, Clock clock, ReviewOpening opening) {
		this.assignments = assignments;
		this.plans = plans;
		this.batches = batches;
		this.support = support;
		this.clock = clock;
		this.opening = opening;
	}

	@GetMapping("/expert/assignments")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ReviewPageSupport.require(user, Role.EXPERT);
		String shown = (status != null && STATUSES.contains(status)) ? status : "";
		PageResult<AssignmentView> result = this.assignments.forExpert(user, shown, Math.max(page, 0), PAGE_SIZE);
		Map<UUID, ZoneId> zones = new HashMap<>();
		Map<UUID, String> deadlines = new HashMap<>();
		for (AssignmentView assignment : result.items()) {
			ZoneId zone = zones.computeIfAbsent(assignment.guideId(), this::zoneOfGuide);
			deadlines.put(assignment.id(),
					ReviewDisplay.minutes(assignment.scoringDeadline(), zone) + " (" + zone.getId() + ")");
		}
		model.addAttribute("result", result);
		model.addAttribute("status", shown);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("deadlines", deadlines);
		model.addAttribute("now", this.clock.instant());
		return "reviews/assignments";
	}

	@GetMapping("/expert/assignments/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		ReviewPageSupport.require(user, Role.EXPERT);
		ReviewSheet sheet = this.assignments.sheet(id, user);
		return render(sheet, ReviewPageSupport.Refusal.none(), typed(sheet.assignment()),
				ReviewDisplay.text(sheet.assignment().comment()), "", model);
	}

	@GetMapping("/expert/assignments/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		ReviewPageSupport.require(user, Role.EXPERT);
		return this.assignments.attachment(id, attachmentId, user).response();
	}

	@PostMapping("/expert/assignments/{id}/accept")
	String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean noConflict, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.EXPERT);
		try {
			this.assignments.accept(id, user, noConflict);
		}
		catch (DomainException ex) {
			return refused(user, id, ex, Map.of(), "", "", locale, model, response);
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.accepted");
		return "redirect:/expert/assignments/" + id;
	}

	@PostMapping("/expert/assignments/{id}/decline")
	String decline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.EXPERT);
		try {
			this.assignments.decline(id, user, reason);
		}
		catch (DomainException ex) {
			return refused(user, id, ex, Map.of(), "", reason, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "reviewPages.notice.declined");
		return "redirect:/expert/assignments/" + id;
	}

	/**
	 * Saves the scores: a draft (the autosave through htmx answers "saved at" in place)
	 * or, with {@code action=submit}, the submission. A refusal comes back on the form
	 * with what was typed.
	 */
	@PostMapping("/expert/assignments/{id}/score")
	String score(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(name = "criterion", required = false) List<String> criteria,
			@RequestParam(name = "score", required = false) List<String> scores,
			@RequestParam(required = false) String comment, @RequestParam(defaultValue = "draft") String action,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ReviewPageSupport.require(user, Role.EXPERT);
		boolean submit = "submit".equals(action);
		boolean fragment = "true".equals(htmx) && !submit;
		Map<String, String> typed = new LinkedHashMap<>();
		List<String> given = new ArrayList<>();
		List<AssignmentView.Score> parsed = new ArrayList<>();
		List<String> names = (criteria == null) ? List.of() : criteria;
		for (int i = 0; i < names.size(); i++) {
			String text = (scores == null || i >= scores.size()) ? "" : scores.get(i).strip();
			typed.put(names.get(i), text);
			if (!text.isEmpty()) {
				given.add(names.get(i));
				parsed.add(new AssignmentView.Score(names.get(i), decimal(text)));
			}
		}
		try {
			AssignmentView saved = this.assignments.score(id, user, parsed, comment, submit);
			if (fragment) {
				model.addAttribute("state", "saved");
				model.addAttribute("text", this.support.message("reviewPages.draft.saved", locale,
						ReviewDisplay.clock(this.clock.instant(), zoneOfGuide(saved.guideId()))));
				return "reviews/parts/draftStatus";
			}
		}
		catch (DomainException ex) {
			ReviewPageSupport.Refusal refusal = this.support.refusal(scoreRefusal(ex, given, id, user), locale);
			response.setStatus(refusal.status());
			if (fragment) {
				model.addAttribute("state", "invalid");
				model.addAttribute("text",
						this.support.message("reviewPages.draft.notSaved", locale, refusal.lines().isEmpty()
								? refusal.errors().get(ReviewPageSupport.FORM) : String.join(" ", refusal.lines())));
				return "reviews/parts/draftStatus";
			}
			return render(this.assignments.sheet(id, user), refusal, typed, ReviewDisplay.text(comment), "", model);
		}
		redirect.addFlashAttribute("notice", submit ? "reviewPages.notice.submitted" : "reviewPages.notice.drafted");
		return "redirect:/expert/assignments/" + id;
	}

	private String refused(CurrentUser user, UUID id, DomainException ex, Map<String, String> typed, String comment,
			String reason, Locale locale, Model model, HttpServletResponse response) {
		ReviewPageSupport.Refusal refusal = this.support.refusal(ex, locale);
		response.setStatus(refusal.status());
		ReviewSheet sheet = this.assignments.sheet(id, user);
		return render(sheet, refusal, typed.isEmpty() ? typed(sheet.assignment()) : typed,
				comment.isEmpty() ? ReviewDisplay.text(sheet.assignment().comment()) : comment,
				ReviewDisplay.text(reason), model);
	}

	private String render(ReviewSheet sheet, ReviewPageSupport.Refusal refusal, Map<String, String> typed,
			String comment, String reason, Model model) {
		ZoneId zone = this.batches.find(sheet.application().batchId())
			.map(BatchView::timeZone)
			.orElse(BatchManagement.DEFAULT_TIME_ZONE);
		model.addAttribute("sheet", sheet);
		model.addAttribute("zone", zone);
		model.addAttribute("closed", this.clock.instant().isAfter(sheet.assignment().scoringDeadline()));
		// Before the batch's application window has closed the form is shown, not
		// offered.
		model.addAttribute("opensAt", this.opening.opensLater(sheet.application().batchId()).orElse(null));
		model.addAttribute("errors", refusal.errors());
		model.addAttribute("problems", refusal.lines());
		model.addAttribute("typed", typed);
		model.addAttribute("comment", comment);
		model.addAttribute("reason", reason);
		return "reviews/assignment";
	}

	/**
	 * A score refusal told by criterion: the service counts only the scores given, so
	 * {@code scores[1]} becomes the name of the second criterion scored; the deadline of
	 * a closed window is told in the batch's zone.
	 */
	private DomainException scoreRefusal(DomainException ex, List<String> given, UUID id, CurrentUser user) {
		List<DomainException.FieldViolation> violations = new ArrayList<>();
		for (DomainException.FieldViolation violation : ex.violations()) {
			Matcher row = SCORE_ROW.matcher(violation.field());
			String field = (row.matches() && Integer.parseInt(row.group(1)) < given.size())
					? "score:" + given.get(Integer.parseInt(row.group(1))) : violation.field();
			violations.add(new DomainException.FieldViolation(field, violation.code(), violation.message()));
		}
		Object[] args = ex.args();
		if ("WINDOW_CLOSED".equals(ex.code())) {
			AssignmentView assignment = this.assignments.get(id, user);
			ZoneId zone = zoneOfGuide(assignment.guideId());
			args = new Object[] {
					ReviewDisplay.minutes(assignment.scoringDeadline(), zone) + " (" + zone.getId() + ")" };
		}
		return new DomainException(ex.status(), ex.code(), violations, ex.getMessage(), args).detailKey(ex.detailKey());
	}

	private static Map<String, String> typed(AssignmentView assignment) {
		Map<String, String> typed = new LinkedHashMap<>();
		assignment.scores().forEach(score -> typed.put(score.criterion(), ReviewDisplay.number(score.score())));
		return typed;
	}

	/** A typed number, or {@code null} (out of range) when it is not one. */
	private static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text.replace('，', '.').replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private ZoneId zoneOfGuide(UUID guideId) {
		return this.plans.find(guideId)
			.map(ReviewPlan::batchId)
			.flatMap(this.batches::find)
			.map(BatchView::timeZone)
			.orElse(BatchManagement.DEFAULT_TIME_ZONE);
	}

}
