package org.xietong.organizations.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.shared.web.Csv;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.files.StoredFile;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseManagement.DefaulterEntry;
import org.xietong.organizations.EnterpriseStatus;
import org.xietong.organizations.EnterpriseView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The department's review of enterprises: the queue, one enterprise with its documents
 * and the decisions its status allows, and the defaulters' list. An enterprise's page and
 * documents follow the API's rule: the department, or the enterprise's own contact.
 */
@Controller
class EnterpriseReviewPageController {

	private static final int PAGE_SIZE = 50;

	private final EnterpriseManagement enterprises;

	private final MessageSource messages;

	private final DateTimeFormatter time;

	EnterpriseReviewPageController(EnterpriseManagement enterprises, MessageSource messages, Clock clock) {
		this.enterprises = enterprises;
		this.messages = messages;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
	}

	@GetMapping("/enterprises")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	String queue(EnterpriseFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", Arrays.asList(EnterpriseStatus.values()));
		model.addAttribute("result",
				this.enterprises.search(filter.statusValue(), filter.text(), Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("time", this.time);
		return "organizations/enterprises";
	}

	@GetMapping("/enterprises/export.csv")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	void exportQueue(EnterpriseFilter filter, HttpServletResponse response) throws IOException {
		PrintWriter out = Csv.open(response, "enterprises.csv", "name", "credit_code", "status", "legal_representative",
				"founded_on", "registered_capital", "industry", "contact_name", "contact_phone", "contact_email",
				"submitted_at", "reviewed_at", "review_reason");
		forEach(filter.statusValue(), filter.text(),
				e -> Csv.row(out, e.name(), e.creditCode(), e.status(), e.legalRepresentative(), e.foundedOn(),
						e.registeredCapital(), e.industry(), e.contact().name(), e.contact().phone(),
						e.contact().email(), format(e.submittedAt()), format(e.reviewedAt()), e.reviewReason()));
		out.flush();
	}

	@GetMapping("/enterprises/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		EnterpriseAccess.checkRead(user, id);
		if (!user.has(Role.DEPARTMENT_OFFICER)) {
			return "redirect:/enterprise";
		}
		return page(load(id), Map.of(), "", "", model);
	}

	@GetMapping("/enterprises/{id}/documents/{documentId}")
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID documentId) {
		EnterpriseAccess.checkRead(user, id);
		StoredFile file = this.enterprises.documentFile(id, documentId)
			.orElseThrow(() -> DomainException.notFound("document"));
		return Downloads.attachment(file, this.enterprises.open(file));
	}

	@PostMapping("/enterprises/{id}/{action:approve|return|reject|blacklist|unblacklist}")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	String decide(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "approve" -> this.enterprises.approve(id);
				case "return" -> this.enterprises.returnForCorrection(id, reason);
				case "reject" -> this.enterprises.reject(id, reason);
				case "blacklist" -> this.enterprises.blacklist(id, reason);
				default -> this.enterprises.removeFromBlacklist(id, reason);
			}
		}
		catch (DomainException ex) {
			Map<String, String> errors = FormErrors.of(ex, this.messages, locale);
			response.setStatus(FormErrors.status(ex));
			return page(load(id), errors, action, (reason == null) ? "" : reason, model);
		}
		redirect.addFlashAttribute("notice", "review.notice." + action);
		return "redirect:/enterprises/" + id;
	}

	@GetMapping("/defaulters")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	String defaulters(TextFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		PageResult<EnterpriseView> result = this.enterprises.search(EnterpriseStatus.BLACKLISTED, filter.text(),
				Math.max(page, 0), PAGE_SIZE);
		Map<UUID, String> listedAt = new HashMap<>();
		result.items().forEach(e -> listedAt.put(e.id(), format(listedAt(e.id()))));
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("listedAt", listedAt);
		return "organizations/defaulters";
	}

	@GetMapping("/defaulters/export.csv")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	void exportDefaulters(TextFilter filter, HttpServletResponse response) throws IOException {
		PrintWriter out = Csv.open(response, "defaulters.csv", "name", "credit_code", "reason", "listed_at");
		forEach(EnterpriseStatus.BLACKLISTED, filter.text(),
				e -> Csv.row(out, e.name(), e.creditCode(), e.blacklistReason(), format(listedAt(e.id()))));
		out.flush();
	}

	private String page(EnterpriseView enterprise, Map<String, String> errors, String failedAction, String typedReason,
			Model model) {
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("documents", this.enterprises.documents(enterprise.id()));
		model.addAttribute("history", this.enterprises.defaulterHistory(enterprise.id()));
		model.addAttribute("actions", EnterpriseActions.of(enterprise.status()));
		model.addAttribute("time", this.time);
		model.addAttribute("errors", errors);
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("typedReason", typedReason);
		return "organizations/review";
	}

	private EnterpriseView load(UUID id) {
		return this.enterprises.find(id).orElseThrow(() -> DomainException.notFound("enterprise"));
	}

	private Instant listedAt(UUID id) {
		List<DefaulterEntry> history = this.enterprises.defaulterHistory(id);
		return history.stream()
			.filter(entry -> "LISTED".equals(entry.action()))
			.map(DefaulterEntry::decidedAt)
			.findFirst()
			.orElse(null);
	}

	private void forEach(EnterpriseStatus status, String text, java.util.function.Consumer<EnterpriseView> action) {
		int page = 0;
		PageResult<EnterpriseView> batch;
		do {
			batch = this.enterprises.search(status, text, page++, PageResult.MAX_SIZE);
			batch.items().forEach(action);
		}
		while (batch.hasNext());
	}

	private String format(Instant instant) {
		return Display.time(instant, this.time);
	}

}
