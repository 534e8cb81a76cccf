package org.xietong.organizations.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchPhase;
import org.xietong.files.StoredFile;
import org.xietong.organizations.DocumentKind;
import org.xietong.organizations.EnterpriseDocument;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseView;
import org.xietong.shared.DomainException;

/**
 * The enterprise contact's own registration: its standing, its documents, its corrections
 * while the department has not decided, and its resubmission when returned.
 */
@Controller
@RequestMapping("/enterprise")
@PreAuthorize("hasRole('ENTERPRISE_CONTACT')")
class EnterprisePageController {

	private final EnterpriseManagement enterprises;

	private final MessageSource messages;

	private final DateTimeFormatter time;

	private final BatchManagement batches;

	private final Clock clock;

	EnterprisePageController(EnterpriseManagement enterprises, BatchManagement batches, MessageSource messages,
			Clock clock) {
		this.enterprises = enterprises;
		this.batches = batches;
		this.clock = clock;
		this.messages = messages;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		return page(own(user), Map.of(), null, model);
	}

	@GetMapping("/documents/{documentId}")
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID documentId) {
		EnterpriseView enterprise = own(user);
		StoredFile file = this.enterprises.documentFile(enterprise.id(), documentId)
			.orElseThrow(() -> DomainException.notFound("document"));
		return Downloads.attachment(file, this.enterprises.open(file));
	}

	@PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String kind,
			@RequestParam(required = false) MultipartFile file, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		EnterpriseView enterprise = own(user);
		try {
			DocumentKind documentKind = EnterprisesApiController.parseKind(kind);
			if (file == null || file.isEmpty()) {
				throw DomainException.invalid("file", "FILE_EMPTY", "choose a file");
			}
			try (InputStream content = file.getInputStream()) {
				this.enterprises.uploadDocument(enterprise.id(), documentKind, content, file.getOriginalFilename(),
						user.username());
			}
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			Map<String, String> errors = new LinkedHashMap<>();
			FormErrors.of(ex, this.messages, locale)
				.values()
				.forEach(message -> errors.merge("upload", message, (a, b) -> a + " " + b));
			return page(enterprise, errors, kind, model);
		}
		redirect.addFlashAttribute("notice", "enterprise.notice.uploaded");
		return "redirect:/enterprise";
	}

	@GetMapping("/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		EnterpriseView enterprise = editable(own(user));
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("form", EnterpriseForm.of(enterprise));
		model.addAttribute("errors", Map.of());
		return "organizations/edit";
	}

	@PostMapping("/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, EnterpriseForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		EnterpriseView enterprise = editable(own(user));
		try {
			if (form.version() == null) {
				throw DomainException.invalid("version", "REQUIRED", "send the version you read");
			}
			this.enterprises.correct(enterprise.id(), form.version(), form.command(enterprise.creditCode()));
		}
		catch (DomainException ex) {
			Map<String, String> errors = FormErrors.of(ex, this.messages, locale);
			errors.putAll(FormErrors.of(form.formatProblems(), this.messages, locale));
			response.setStatus(FormErrors.status(ex));
			model.addAttribute("enterprise", enterprise);
			model.addAttribute("form", form.withoutPasswords());
			model.addAttribute("errors", errors);
			return "organizations/edit";
		}
		redirect.addFlashAttribute("notice", "enterprise.notice.corrected");
		return "redirect:/enterprise";
	}

	@PostMapping("/resubmit")
	String resubmit(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		this.enterprises.resubmit(own(user).id());
		redirect.addFlashAttribute("notice", "enterprise.notice.resubmitted");
		return "redirect:/enterprise";
	}

	private String page(EnterpriseView enterprise, Map<String, String> errors, String failedKind, Model model) {
		List<EnterpriseDocument> documents = this.enterprises.documents(enterprise.id());
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("documents", documents);
		model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
		model.addAttribute("filed", documents.stream().map(EnterpriseDocument::kind).distinct().toList());
		model.addAttribute("time", this.time);
		model.addAttribute("errors", errors);
		model.addAttribute("failedKind", (failedKind == null) ? "" : failedKind);
		model.addAttribute("eligibility",
				this.batches.search(null, 0, 20)
					.items()
					.stream()
					.filter(batch -> batch.phaseAt(this.clock.instant()) != BatchPhase.DECISION)
					.map(batch -> this.enterprises.eligibility(enterprise.id(), batch))
					.toList());
		return "organizations/enterprise";
	}

	private EnterpriseView own(CurrentUser user) {
		EnterpriseAccess.checkOwn(user, user.organizationId());
		return this.enterprises.find(user.organizationId()).orElseThrow(() -> DomainException.notFound("enterprise"));
	}

	private static EnterpriseView editable(EnterpriseView enterprise) {
		if (!enterprise.status().isEditable()) {
			throw DomainException
				.illegalTransition("an enterprise in status " + enterprise.status() + " cannot be edited");
		}
		return enterprise;
	}

}
