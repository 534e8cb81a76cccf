package org.xietong.guides.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideManagement;
import org.xietong.guides.GuideQuery;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The department's review of guides: the queue (submitted guides unless another status is
 * chosen), approving and returning on each guide's page, and putting approved guides of a
 * batch under a public notice.
 */
@Controller
@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
class GuideReviewPageController {

	private static final int PAGE_SIZE = 50;

	private final GuideCatalogue catalogue;

	private final GuideManagement guides;

	private final BatchManagement batches;

	private final NoticeBoard notices;

	private final GuidePageSupport support;

	private final GuidePage page;

	GuideReviewPageController(GuideCatalogue catalogue, GuideManagement guides, BatchManagement batches,
			NoticeBoard notices, GuidePageSupport support, GuidePage page) {
		this.catalogue = catalogue;
		this.guides = guides;
		this.batches = batches;
		this.notices = notices;
		this.support = support;
		this.page = page;
	}

	@GetMapping("/guides/review")
	String queue(CatalogueFilter filter, @RequestParam(defaultValue = "0") int page, Locale locale, Model model,
			HttpServletResponse response) {
		return queue(filter.withDefaultStatus(GuideStatus.SUBMITTED), page, Map.of(), locale, model, response);
	}

	@GetMapping("/guides/review.xlsx")
	void export(CatalogueFilter filter, Locale locale, HttpServletResponse response) throws IOException {
		GuideQuery query = filter.withDefaultStatus(GuideStatus.SUBMITTED).query(GuideQuery.all());
		GuideWorkbook.send(response, "guides-review.xlsx", this.support.messages(), locale,
				rows -> this.catalogue.forEach(query, rows));
	}

	@PostMapping("/guides/{id}/approve")
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.guides.approve(id);
		}
		catch (DomainException ex) {
			Map<String, String> errors = this.support.errors(ex, locale);
			response.setStatus(GuidePageSupport.status(ex));
			GuideView guide = this.catalogue.find(id).orElseThrow(() -> DomainException.notFound("guide"));
			return this.page.render(user, guide, errors, "", model);
		}
		redirect.addFlashAttribute("notice", "guides.notice.approved");
		return "redirect:/guides/" + id;
	}

	@PostMapping("/guides/{id}/return")
	String returnForCorrection(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.guides.returnForCorrection(id, reason);
		}
		catch (DomainException ex) {
			Map<String, String> errors = this.support.errors(ex, locale);
			response.setStatus(GuidePageSupport.status(ex));
			GuideView guide = this.catalogue.find(id).orElseThrow(() -> DomainException.notFound("guide"));
			return this.page.render(user, guide, errors, (reason == null) ? "" : reason, model);
		}
		redirect.addFlashAttribute("notice", "guides.notice.returned");
		return "redirect:/guides/" + id;
	}

	/** Puts the chosen approved guides of a batch under a public notice. */
	@PostMapping("/guides/review/notice")
	String openNotice(@AuthenticationPrincipal CurrentUser user, @RequestParam UUID batchId,
			@RequestParam(required = false) List<UUID> guideIds, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			NoticeView notice = this.notices.open(batchId, NoticeKind.GUIDES, title, body,
					(guideIds == null) ? List.of() : guideIds, user.organizationId(), user.username());
			redirect.addFlashAttribute("notice", "guides.notice.noticeOpened");
			return "redirect:/notices/" + notice.id();
		}
		catch (DomainException ex) {
			CatalogueFilter filter = new CatalogueFilter(batchId.toString(), null, null, null, null, null, null, null,
					GuideStatus.APPROVED.name());
			return queue(filter, 0, this.support.errors(ex, locale), locale, model, response,
					GuidePageSupport.status(ex));
		}
	}

	/** The batch the filter names when it is older than the fifty most recent. */
	private java.util.Optional<BatchView> chosenBeyondTheRecent(CatalogueFilter filter) {
		try {
			return (filter.batchId() == null || filter.batchId().isBlank()) ? java.util.Optional.empty()
					: this.batches.find(java.util.UUID.fromString(filter.batchId().trim()));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	private String queue(CatalogueFilter filter, int page, Map<String, String> errors, Locale locale, Model model,
			HttpServletResponse response) {
		return queue(filter, page, errors, locale, model, response, 200);
	}

	private String queue(CatalogueFilter filter, int page, Map<String, String> errors, Locale locale, Model model,
			HttpServletResponse response, int status) {
		List<BatchView> recent = this.batches.search(null, 0, 50).items();
		PageResult<GuideView> result;
		Map<String, String> shown = errors;
		int answer = status;
		try {
			result = this.catalogue.search(filter.query(GuideQuery.all()), Math.max(page, 0), PAGE_SIZE);
		}
		catch (DomainException ex) {
			shown = this.support.errors(ex, locale);
			answer = GuidePageSupport.status(ex);
			result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
		}
		BatchView chosen = recent.stream()
			.filter(batch -> filter.isBatch(batch.id()))
			.findFirst()
			.or(() -> chosenBeyondTheRecent(filter))
			.orElse(null);
		if (chosen != null && !recent.contains(chosen)) {
			recent = new java.util.ArrayList<>(recent);
			recent.add(0, chosen);
		}
		response.setStatus(answer);
		model.addAttribute("filter", filter);
		model.addAttribute("batches", recent);
		model.addAttribute("chosen", chosen);
		model.addAttribute("zone", (chosen == null) ? BatchManagement.DEFAULT_TIME_ZONE : chosen.timeZone());
		model.addAttribute("types", List.of(ProjectType.values()));
		model.addAttribute("statuses", List.of(GuideStatus.values()));
		model.addAttribute("result", result);
		model.addAttribute("errors", shown);
		model.addAttribute("noticeForm", chosen != null && filter.isStatus(GuideStatus.APPROVED.name()));
		return "guides/review";
	}

}
