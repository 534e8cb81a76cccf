package org.xietong.applications.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationManagement;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationView;
import org.xietong.applications.Receipt;
import org.xietong.applications.ReceiptService;
import org.xietong.shared.DomainException;

/**
 * An application's own page and what is done on it: the teacher drafts one from a guide's
 * page and withdraws it; its university endorses or returns it; everyone who may see it
 * downloads its attachments and its receipt as a PDF.
 */
@Controller
class ApplicationPagesController {

	private final ApplicationManagement applications;

	private final ApplicationQueries queries;

	private final ReceiptService receipts;

	private final ApplicationPageSupport support;

	private final ApplicationPage page;

	private final String baseUrl;

	ApplicationPagesController(ApplicationManagement applications, ApplicationQueries queries, ReceiptService receipts,
			ApplicationPageSupport support, ApplicationPage page, @Value("${xietong.base-url}") String baseUrl) {
		this.applications = applications;
		this.queries = queries;
		this.receipts = receipts;
		this.support = support;
		this.page = page;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Drafts the teacher's application to the guide and opens its form; a teacher who
	 * already applies to the guide is taken to that application instead.
	 */
	@PostMapping("/guides/{guideId}/applications")
	String create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId, RedirectAttributes redirect) {
		ApplicationPageSupport.require(user, Role.TEACHER);
		try {
			ApplicationView created = this.applications.create(guideId, user,
					new org.xietong.applications.ApplicationDetails("", "", "", "", null, null));
			redirect.addFlashAttribute("notice", "applications.notice.created");
			return "redirect:/applications/" + created.id() + "/edit";
		}
		catch (DomainException ex) {
			if (!"DUPLICATE_APPLICATION".equals(ex.code())) {
				throw ex;
			}
			ApplicationQuery mine = new ApplicationQuery(ApplicationQueries.scopeOf(user), null, guideId, null, null,
					null, null);
			ApplicationView existing = this.queries.search(mine, 0, 50)
				.items()
				.stream()
				.filter(summary -> summary.status() != org.xietong.applications.ApplicationStatus.WITHDRAWN)
				.findFirst()
				.map(summary -> this.queries.get(summary.id(), user))
				.orElseThrow(() -> ex);
			redirect.addFlashAttribute("notice", "applications.notice.existing");
			return "redirect:/applications/" + existing.id() + (existing.status().isEditable() ? "/edit" : "");
		}
	}

	@GetMapping("/applications/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		return this.page.render(user, this.queries.get(id, user), Map.of(), "", model);
	}

	@GetMapping("/applications/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		ApplicationQueries.Download download = this.queries.attachment(id, attachmentId, user);
		return download.response();
	}

	/**
	 * The receipt as a PDF for a signed-in page: the API's own address takes only bearer
	 * tokens.
	 */
	@GetMapping("/applications/{id}/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		Receipt receipt = this.receipts.latest(id, user);
		ApplicationView application = this.queries.get(id, user);
		byte[] pdf = ReceiptPdf.render(receipt, application, this.receipts.zoneOf(application.batchId()),
				this.baseUrl + "/verify");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("receipt-" + receipt.number() + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping("/applications/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ApplicationPageSupport.require(user, Role.TEACHER);
		try {
			this.applications.withdraw(id, user, reason);
		}
		catch (DomainException ex) {
			return refused(user, id, ex, reason, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "applications.notice.withdrawn");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/endorse")
	String endorse(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ApplicationPageSupport.require(user, Role.UNIVERSITY_ADMIN);
		try {
			this.applications.endorse(id, user);
		}
		catch (DomainException ex) {
			return refused(user, id, ex, "", locale, model, response);
		}
		redirect.addFlashAttribute("notice", "applications.notice.endorsed");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/return")
	String returnToLeader(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ApplicationPageSupport.require(user, Role.UNIVERSITY_ADMIN);
		try {
			this.applications.returnToLeader(id, user, reason);
		}
		catch (DomainException ex) {
			return refused(user, id, ex, reason, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "applications.notice.returned");
		return "redirect:/applications/" + id;
	}

	/** The application's page again, with the refusal's reasons above it. */
	private String refused(CurrentUser user, UUID id, DomainException ex, String reason, Locale locale, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = this.support.errors(ex, locale);
		response.setStatus(ex.violations().isEmpty() ? ex.status() : 422);
		return this.page.render(user, this.queries.get(id, user), errors, reason, model);
	}

}
