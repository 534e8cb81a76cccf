package org.xietong.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationManagement;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationView;
import org.xietong.applications.AttachmentKind;
import org.xietong.applications.ReceiptService;
import org.xietong.applications.SubmissionCheck;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * The teacher's application form: it saves itself as the teacher types (htmx posts the
 * form and gets back "saved at" with the new version, and the side panel anew), takes and
 * removes attachments, and submits; every refusal comes back on the form in the teacher's
 * language. Without JavaScript the save button posts the same form.
 */
@Controller
class ApplicationFormController {

	private final ApplicationManagement applications;

	private final ApplicationQueries queries;

	private final ReceiptService receipts;

	private final ApplicationPageSupport support;

	ApplicationFormController(ApplicationManagement applications, ApplicationQueries queries, ReceiptService receipts,
			ApplicationPageSupport support) {
		this.applications = applications;
		this.queries = queries;
		this.receipts = receipts;
		this.support = support;
	}

	@GetMapping("/applications/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale, Model model) {
		ApplicationView application = own(user, id);
		if (!application.status().isEditable()) {
			return "redirect:/applications/" + id;
		}
		return form(user, application, ApplicationForm.of(application), Map.of(), List.of(), locale, model);
	}

	/**
	 * Saves the form: for htmx (the autosave) a small fragment, "saved at" with the new
	 * version and the side panel swapped out of band; otherwise back to the form.
	 */
	@PostMapping("/applications/{id}/edit")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> fields,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ApplicationPageSupport.require(user, Role.TEACHER);
		ApplicationForm form = ApplicationForm.of(fields);
		boolean fragment = "true".equals(htmx);
		try {
			ApplicationView saved = update(user, id, form, locale);
			if (!fragment) {
				redirect.addFlashAttribute("notice", "applications.notice.saved");
				return "redirect:/applications/" + id + "/edit";
			}
			model.addAttribute("state", "saved");
			model.addAttribute("text", this.support.message("applications.autosave.saved", locale,
					ApplicationDisplay.clock(saved.updatedAt(), this.receipts.zoneOf(saved.batchId()))));
			model.addAttribute("version", Long.toString(saved.version()));
			model.addAttribute("panel", this.support.panel(id, this.applications.check(id, user), true, locale));
			model.addAttribute("reload", "/applications/" + id + "/edit");
			return "applications/parts/saved";
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status());
			if (fragment) {
				model.addAttribute("state", refused.conflict() ? "conflict" : "invalid");
				model.addAttribute("text", refused.summary());
				model.addAttribute("version", null);
				model.addAttribute("panel", null);
				model.addAttribute("reload", "/applications/" + id + "/edit");
				return "applications/parts/saved";
			}
			return form(user, own(user, id), form, refused.errors(), refused.lines(), locale, model);
		}
	}

	@PostMapping("/applications/{id}/attachments")
	String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ApplicationPageSupport.require(user, Role.TEACHER);
		try {
			if (file == null || file.isEmpty()) {
				throw DomainException.invalid("file", "REQUIRED", "choose a file");
			}
			try (InputStream content = file.getInputStream()) {
				this.applications.attach(id, user, kind, content, file.getOriginalFilename());
			}
		}
		catch (DomainException ex) {
			Map<String, String> errors = this.support.errors(ex, locale);
			response.setStatus(ex.violations().isEmpty() ? ex.status() : 422);
			ApplicationView application = own(user, id);
			return form(user, application, ApplicationForm.of(application), errors, List.of(), locale, model);
		}
		redirect.addFlashAttribute("notice", "applications.notice.attached");
		return "redirect:/applications/" + id + "/edit#attachments";
	}

	@PostMapping("/applications/{id}/attachments/{attachmentId}/remove")
	String detach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID attachmentId,
			RedirectAttributes redirect) {
		this.applications.detach(id, user, attachmentId);
		redirect.addFlashAttribute("notice", "applications.notice.detached");
		return "redirect:/applications/" + id + "/edit#attachments";
	}

	/**
	 * Saves what the form holds and submits it; the receipt is then on the application's
	 * page. A refusal (the window, a limit, what is missing) comes back on the form.
	 */
	@PostMapping("/applications/{id}/submit")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> fields, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ApplicationPageSupport.require(user, Role.TEACHER);
		ApplicationForm form = ApplicationForm.of(fields);
		try {
			if (fields.containsKey("version")) {
				update(user, id, form, locale);
			}
			this.applications.submit(id, user);
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status());
			return form(user, own(user, id), form, refused.errors(), refused.lines(), locale, model);
		}
		catch (DomainException ex) {
			Map<String, String> errors = this.support.errors(ex, locale);
			response.setStatus(ex.violations().isEmpty() ? ex.status() : 422);
			ApplicationView application = own(user, id);
			if (!application.status().isEditable()) {
				throw ex;
			}
			return form(user, application, ApplicationForm.of(application), errors,
					this.support.lines(ex.violations(), locale), locale, model);
		}
		redirect.addFlashAttribute("notice", "applications.notice.submitted");
		return "redirect:/applications/" + id;
	}

	private ApplicationView update(CurrentUser user, UUID id, ApplicationForm form, Locale locale) {
		List<FieldViolation> unreadable = form.formatProblems();
		if (!unreadable.isEmpty()) {
			throw refusal(DomainException.invalid(unreadable), locale);
		}
		if (form.versionRead() == null) {
			throw refusal(DomainException.invalid("version", "REQUIRED", "the version read is required"), locale);
		}
		try {
			return this.applications.update(id, user, form.versionRead(), form.details());
		}
		catch (DomainException ex) {
			throw refusal(ex, locale);
		}
		catch (org.springframework.dao.OptimisticLockingFailureException ex) {
			throw refusal(new DomainException(409, "VERSION_CONFLICT", "changed meanwhile"), locale);
		}
	}

	private FormRefused refusal(DomainException ex, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>(this.support.errors(ex, locale));
		List<String> lines = this.support.lines(ex.violations(), locale);
		boolean conflict = "VERSION_CONFLICT".equals(ex.code()) || ex.status() == 409;
		String summary;
		if ("VERSION_CONFLICT".equals(ex.code())) {
			summary = this.support.message("applications.autosave.conflict", locale);
			errors.put(ApplicationPageSupport.FORM, summary);
		}
		else if (conflict) {
			summary = this.support.message("applications.autosave.notSaved", locale, errors.get("form"));
		}
		else {
			summary = this.support.message("applications.autosave.notSaved", locale, String.join(" ", lines));
		}
		return new FormRefused(ex.violations().isEmpty() ? ex.status() : 422, conflict, summary, errors, lines);
	}

	private String form(CurrentUser user, ApplicationView application, ApplicationForm form, Map<String, String> errors,
			List<String> problems, Locale locale, Model model) {
		SubmissionCheck check = this.applications.check(application.id(), user);
		model.addAttribute("application", application);
		model.addAttribute("form", form);
		model.addAttribute("panel", this.support.panel(application.id(), check, true, locale));
		model.addAttribute("cash", ApplicationDisplay.yuan(check.cashPerProject()));
		model.addAttribute("cashAmount", check.cashPerProject().toString());
		model.addAttribute("total", ApplicationDisplay.yuan(form.total()));
		model.addAttribute("kinds", List.of(AttachmentKind.values()));
		model.addAttribute("zone", check.window().timeZone());
		model.addAttribute("errors", errors);
		model.addAttribute("problems", problems);
		return "applications/form";
	}

	private ApplicationView own(CurrentUser user, UUID id) {
		ApplicationPageSupport.require(user, Role.TEACHER);
		ApplicationView application = this.queries.get(id, user);
		if (!application.leaderId().equals(user.id())) {
			throw DomainException.notFound("application");
		}
		return application;
	}

	/** A form that comes back with its errors. */
	private static final class FormRefused extends RuntimeException {

		private final int status;

		private final boolean conflict;

		private final String summary;

		private final transient Map<String, String> errors;

		private final transient List<String> lines;

		FormRefused(int status, boolean conflict, String summary, Map<String, String> errors, List<String> lines) {
			super(null, null, false, false);
			this.status = status;
			this.conflict = conflict;
			this.summary = summary;
			this.errors = errors;
			this.lines = lines;
		}

		int status() {
			return this.status;
		}

		boolean conflict() {
			return this.conflict;
		}

		String summary() {
			return this.summary;
		}

		Map<String, String> errors() {
			return this.errors;
		}

		List<String> lines() {
			return this.lines;
		}

	}

}
