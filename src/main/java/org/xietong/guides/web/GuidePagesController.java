package org.xietong.guides.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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
import org.xietong.batches.BatchPhase;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideDetails;
import org.xietong.guides.GuideManagement;
import org.xietong.guides.GuideQuery;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.guides.SubmissionPreview;
import org.xietong.guides.TypeMinimums;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseView;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * The enterprise contact's guides: its page for each batch (what it would submit, its
 * cash against the minimum, its eligibility, the window), the guide form with the type
 * minimum's live hint, submission and withdrawal.
 */
@Controller
class GuidePagesController {

	private static final int PAGE_SIZE = 50;

	private final GuideManagement guides;

	private final GuideCatalogue catalogue;

	private final BatchManagement batches;

	private final EnterpriseManagement enterprises;

	private final GuidePageSupport support;

	private final Clock clock;

	GuidePagesController(GuideManagement guides, GuideCatalogue catalogue, BatchManagement batches,
			EnterpriseManagement enterprises, GuidePageSupport support, Clock clock) {
		this.guides = guides;
		this.catalogue = catalogue;
		this.batches = batches;
		this.enterprises = enterprises;
		this.support = support;
		this.clock = clock;
	}

	/** The enterprise's guides of the batch open for submission, or else the newest. */
	@GetMapping("/guides/mine")
	String mine(@AuthenticationPrincipal CurrentUser user) {
		GuideAccess.enterpriseOf(user);
		Instant now = this.clock.instant();
		List<BatchView> recent = this.batches.search(null, 0, 50).items();
		Optional<BatchView> chosen = recent.stream()
			.filter(batch -> batch.phaseAt(now) == BatchPhase.GUIDE_SUBMISSION)
			.findFirst()
			.or(() -> recent.stream()
				.filter(batch -> batch.phaseAt(now) == BatchPhase.NOT_STARTED)
				.min(Comparator.comparing(batch -> batch.schedule().guideSubmissionOpens())))
			.or(() -> recent.stream().findFirst());
		return chosen.map(batch -> "redirect:/batches/" + batch.id() + "/guides").orElse("redirect:/batches");
	}

	@GetMapping("/batches/{batchId}/guides")
	String batchPage(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		if (user == null) {
			return "redirect:/login";
		}
		return batchPage(GuideAccess.enterpriseOf(user), batch(batchId), status, page, Map.of(), model);
	}

	@GetMapping("/batches/{batchId}/guides.xlsx")
	void export(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestParam(required = false) String status, Locale locale, HttpServletResponse response)
			throws IOException {
		if (user == null) {
			response.sendRedirect("/login");
			return;
		}
		GuideQuery query = ownQuery(GuideAccess.enterpriseOf(user), batch(batchId).id(), status);
		GuideWorkbook.send(response, "my-guides.xlsx", this.support.messages(), locale,
				rows -> this.catalogue.forEach(query, rows));
	}

	@PostMapping("/batches/{batchId}/guides/submit")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID enterpriseId = GuideAccess.enterpriseOf(user);
		BatchView batch = batch(batchId);
		try {
			this.guides.submit(batchId, enterpriseId);
		}
		catch (DomainException ex) {
			Map<String, String> errors = this.support.errors(ex, locale);
			response.setStatus(ex.status());
			return batchPage(enterpriseId, batch, null, 0, errors, model);
		}
		redirect.addFlashAttribute("notice", "guides.notice.submitted");
		return "redirect:/batches/" + batchId + "/guides";
	}

	@GetMapping("/batches/{batchId}/guides/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId, Locale locale, Model model) {
		if (user == null) {
			return "redirect:/login";
		}
		EnterpriseView enterprise = enterprise(GuideAccess.enterpriseOf(user));
		return form(batch(batchId), null, GuideForm.blank(enterprise), Map.of(), locale, model);
	}

	@PostMapping("/batches/{batchId}/guides")
	String create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId, GuideForm form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID enterpriseId = GuideAccess.enterpriseOf(user);
		BatchView batch = batch(batchId);
		GuideDetails details = form.details();
		try {
			checkForm(form, () -> this.guides.validate(batchId, enterpriseId, details), locale);
			GuideView created = this.guides.create(batchId, enterpriseId, details);
			redirect.addFlashAttribute("notice", "guides.notice.created");
			return "redirect:/guides/" + created.id();
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status());
			return form(batch, null, form, refused.errors(), locale, model);
		}
	}

	@GetMapping("/guides/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale, Model model) {
		GuideView guide = own(user, id);
		if (!guide.status().isEditable()) {
			return "redirect:/guides/" + id;
		}
		return form(batch(guide.batchId()), guide, GuideForm.of(guide), Map.of(), locale, model);
	}

	@PostMapping("/guides/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, GuideForm form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		GuideView guide = own(user, id);
		GuideDetails details = form.details();
		try {
			checkForm(form, () -> this.guides.validate(guide.batchId(), guide.enterpriseId(), details), locale);
			this.guides.update(id, guide.enterpriseId(), form.version(), details);
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status());
			return form(batch(guide.batchId()), guide, form, refused.errors(), locale, model);
		}
		redirect.addFlashAttribute("notice", "guides.notice.updated");
		return "redirect:/guides/" + id;
	}

	@PostMapping("/guides/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		GuideView guide = own(user, id);
		this.guides.withdraw(id, guide.enterpriseId());
		redirect.addFlashAttribute("notice", "guides.notice.withdrawn");
		return "redirect:/guides/" + id;
	}

	/**
	 * The type minimum's hint for the amounts typed so far: a fragment that htmx puts in
	 * place of the old one as the enterprise types.
	 */
	@GetMapping("/guides/minimum-hint")
	String hint(@RequestParam UUID batchId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String cashPerProject,
			@RequestParam(required = false) String hardwareSoftwarePerProject, Locale locale, Model model) {
		model.addAttribute("hint",
				this.support.hint(batch(batchId), type, cashPerProject, hardwareSoftwarePerProject, locale));
		return "guides/parts/minimumHint";
	}

	private String batchPage(UUID enterpriseId, BatchView batch, String status, int page, Map<String, String> errors,
			Model model) {
		GuideQuery query;
		try {
			query = ownQuery(enterpriseId, batch.id(), status);
		}
		catch (DomainException ex) {
			query = ownQuery(enterpriseId, batch.id(), null);
		}
		PageResult<GuideView> result = this.catalogue.search(query, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("batch", batch);
		model.addAttribute("enterprise", enterprise(enterpriseId));
		SubmissionPreview preview = this.guides.preview(batch.id(), enterpriseId);
		model.addAttribute("preview", preview);
		model.addAttribute("windowState",
				preview.windowOpen() ? "open" : preview.window().isAheadOf(this.clock.instant()) ? "ahead" : "closed");
		model.addAttribute("minimums", TypeMinimums.of(batch.rules()));
		model.addAttribute("result", result);
		model.addAttribute("status", (query.status() == null) ? "" : query.status().name());
		model.addAttribute("statuses", List.of(GuideStatus.values()));
		model.addAttribute("errors", errors);
		return "guides/batch";
	}

	private static GuideQuery ownQuery(UUID enterpriseId, UUID batchId, String status) {
		return new CatalogueFilter(batchId.toString(), null, null, null, null, null, null, null, status)
			.query(GuideQuery.own(enterpriseId));
	}

	private String form(BatchView batch, GuideView guide, GuideForm form, Map<String, String> errors, Locale locale,
			Model model) {
		model.addAttribute("batch", batch);
		model.addAttribute("guide", guide);
		model.addAttribute("form", form);
		model.addAttribute("types", List.of(ProjectType.values()));
		model.addAttribute("errors", errors);
		model.addAttribute("hint", this.support.hint(batch, form.type(), form.cashPerProject(),
				form.hardwareSoftwarePerProject(), locale));
		model.addAttribute("action",
				(guide == null) ? "/batches/" + batch.id() + "/guides" : "/guides/" + guide.id() + "/edit");
		return "guides/form";
	}

	/**
	 * Runs the service's check and adds what the form could not even read; refuses with
	 * every message at once.
	 */
	private void checkForm(GuideForm form, Runnable check, Locale locale) {
		List<FieldViolation> unreadable = form.formatProblems();
		Map<String, String> errors = new LinkedHashMap<>();
		int status = 422;
		try {
			check.run();
		}
		catch (DomainException ex) {
			errors.putAll(this.support.errors(ex, locale));
			status = GuidePageSupport.status(ex);
		}
		errors.putAll(this.support.errors(unreadable, locale));
		if (!errors.isEmpty()) {
			errors.putIfAbsent(GuidePageSupport.FORM, this.support.message("error.VALIDATION_FAILED", locale));
			throw new FormRefused(status, errors);
		}
	}

	private GuideView own(CurrentUser user, UUID id) {
		UUID enterpriseId = GuideAccess.enterpriseOf(user);
		return this.guides.findOwn(id, enterpriseId).orElseThrow(() -> DomainException.notFound("guide"));
	}

	private BatchView batch(UUID id) {
		return this.batches.find(id).orElseThrow(() -> DomainException.notFound("batch"));
	}

	private EnterpriseView enterprise(UUID id) {
		return this.enterprises.find(id).orElseThrow(() -> DomainException.notFound("enterprise"));
	}

	/** A form that comes back with its errors. */
	private static final class FormRefused extends RuntimeException {

		private final int status;

		private final transient Map<String, String> errors;

		FormRefused(int status, Map<String, String> errors) {
			super(null, null, false, false);
			this.status = status;
			this.errors = errors;
		}

		int status() {
			return this.status;
		}

		Map<String, String> errors() {
			return this.errors;
		}

	}

}
