package org.xietong.projects.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.files.FileDownloads;
import org.xietong.files.StoredFile;
import org.xietong.projects.AgreementTerms;
import org.xietong.projects.Agreements;
import org.xietong.projects.ChangeRequests;
import org.xietong.projects.Completions;
import org.xietong.projects.IpOwnership;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * The actions on the project page (项目详情): the agreement submitted, checked, confirmed or
 * returned; changes asked for and decided; the completion submitted, consented to or
 * returned; acceptance experts assigned and the conclusion recorded. Each goes back to
 * the page with a notice, or shows the page again with the refusal and what was typed.
 */
@Controller
class ProjectActionsPageController {

	private final Projects projects;

	private final Agreements agreements;

	private final ChangeRequests changes;

	private final Completions completions;

	private final ProjectPageSupport support;

	private final org.xietong.projects.ProjectFunds funds;

	ProjectActionsPageController(Projects projects, Agreements agreements, ChangeRequests changes,
			Completions completions, ProjectPageSupport support, org.xietong.projects.ProjectFunds funds) {
		this.funds = funds;
		this.projects = projects;
		this.agreements = agreements;
		this.changes = changes;
		this.completions = completions;
		this.support = support;
	}

	/** The agreement's signed copy, for those who may see the project. */
	@GetMapping("/projects/{id}/agreement/file")
	ResponseEntity<InputStreamResource> agreementFile(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID id) {
		signedIn(user);
		this.projects.get(id, user);
		StoredFile file = this.agreements.file(id).orElseThrow(() -> DomainException.notFound("agreement"));
		return FileDownloads.attachment(file, this.agreements.open(file));
	}

	// The agreement.

	@PostMapping("/projects/{id}/agreement")
	String submitAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "agreement", null, request, () -> {
			AgreementTerms terms = terms(request);
			boolean none = file == null || file.isEmpty();
			try (InputStream content = none ? null : file.getInputStream()) {
				this.agreements.submit(id, user, terms, content, none ? null : file.getOriginalFilename());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}, "projects.page.done.agreementSubmitted", "agreement", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/agreement/check")
	String checkAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "agreementCheck", null, request, () -> this.agreements.check(id, user),
				"projects.page.done.agreementChecked", "agreement", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/agreement/confirm")
	String confirmAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			HttpServletRequest request, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, id, "agreementCheck", null, request, () -> this.agreements.confirm(id, user),
				"projects.page.done.agreementConfirmed", "agreement", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/agreement/return")
	String returnAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "agreementReturn", null, request, () -> this.agreements.returnAgreement(id, user, reason),
				"projects.page.done.agreementReturned", "agreement", locale, model, response, redirect);
	}

	// Funds.

	@PostMapping("/projects/{id}/disbursements")
	String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String paidOn, @RequestParam(required = false) String reference,
			@RequestParam(name = "file", required = false) MultipartFile voucher, HttpServletRequest request,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "payment", null, request, () -> {
			org.xietong.projects.ProjectFunds.Payment payment = new org.xietong.projects.ProjectFunds.Payment(
					parseKind(kind), parseMoney(amount, "amount"), parseDate(paidOn, "paidOn"), reference);
			org.xietong.projects.ProjectFunds.Disbursement made = this.funds.pay(id, user, payment);
			if (voucher != null && !voucher.isEmpty()) {
				try (InputStream content = voucher.getInputStream()) {
					this.funds.attachVoucher(made.id(), user, content, voucher.getOriginalFilename());
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
		}, "projects.page.done.paid", "funds", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/disbursements/{disbursementId}/confirm")
	String confirmPayment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID disbursementId, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "paymentConfirm", disbursementId, request, () -> {
			this.funds.find(disbursementId)
				.filter(payment -> payment.projectId().equals(id))
				.orElseThrow(() -> DomainException.notFound("disbursement"));
			this.funds.confirm(disbursementId, user);
		}, "projects.page.done.paymentConfirmed", "funds", locale, model, response, redirect);
	}

	@GetMapping("/projects/{id}/disbursements/{disbursementId}/voucher")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> voucher(
			@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID disbursementId) {
		signedIn(user);
		StoredFile file = this.funds.voucher(disbursementId, user)
			.filter(f -> this.funds.find(disbursementId).map(p -> p.projectId().equals(id)).orElse(false))
			.orElseThrow(() -> DomainException.notFound("voucher"));
		return FileDownloads.attachment(file, this.funds.open(file));
	}

	private static org.xietong.projects.ProjectFunds.Kind parseKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return org.xietong.projects.ProjectFunds.Kind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("kind", "REQUIRED", "CASH or HARDWARE_SOFTWARE");
		}
	}

	private static org.xietong.shared.Money parseMoney(String amount, String field) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return org.xietong.shared.Money.of(amount.strip());
		}
		catch (RuntimeException ex) {
			throw DomainException.invalid(field, "AMOUNT_FORMAT", "an amount in yuan, e.g. 20000.00");
		}
	}

	private static java.time.LocalDate parseDate(String date, String field) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return org.xietong.shared.InputRules.parseDate(date);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw DomainException.invalid(field, "DATE_FORMAT", "a date, e.g. 2025-03-01");
		}
	}

	// Changes.

	@PostMapping("/projects/{id}/changes")
	String requestChange(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String newEndsOn,
			@RequestParam(required = false) String newLeaderId, @RequestParam(required = false) String reason,
			HttpServletRequest request, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, id, "change", null, request, () -> {
			ChangeRequests.Kind chosen = choice(ChangeRequests.Kind.class, kind, "kind");
			List<FieldViolation> violations = new ArrayList<>();
			LocalDate ends = (chosen == ChangeRequests.Kind.EXTENSION) ? date(newEndsOn, "newEndsOn", violations)
					: null;
			UUID leader = (chosen == ChangeRequests.Kind.LEADER) ? uuid(newLeaderId, "newLeaderId", violations) : null;
			if (!violations.isEmpty()) {
				throw DomainException.invalid(violations);
			}
			this.changes.request(id, user, new ChangeRequests.ChangeRequest(chosen, leader, ends, reason));
		}, "projects.page.done.changeRequested", "changes", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/changes/{changeId}/approve")
	String approveChange(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID changeId,
			HttpServletRequest request, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, id, "changeDecision", changeId, request, () -> {
			requireChangeOf(id, changeId);
			this.changes.approve(changeId, user);
		}, "projects.page.done.changeApproved", "changes", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/changes/{changeId}/reject")
	String rejectChange(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID changeId,
			@RequestParam(required = false) String reason, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "changeDecision", changeId, request, () -> {
			requireChangeOf(id, changeId);
			this.changes.reject(changeId, user, reason);
		}, "projects.page.done.changeRejected", "changes", locale, model, response, redirect);
	}

	// Completion and acceptance.

	@PostMapping("/projects/{id}/completion")
	String submitCompletion(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String report, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "completion", null, request,
				() -> this.completions.submit(id, user, completionRequest(report, request)),
				"projects.page.done.completionSubmitted", "completion", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/completion/consent")
	String consent(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "completionConsent", null, request, () -> this.completions.consent(id, user),
				"projects.page.done.completionConsented", "completion", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/completion/return")
	String returnCompletion(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "completionReturn", null, request, () -> this.completions.returnRequest(id, user, reason),
				"projects.page.done.completionReturned", "completion", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/acceptance/assign")
	String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String expertId, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(user, id, "assign", null, request, () -> {
			List<FieldViolation> violations = new ArrayList<>();
			UUID expert = uuid(expertId, "expertId", violations);
			if (!violations.isEmpty()) {
				throw DomainException.invalid(violations);
			}
			this.completions.assign(id, user, expert);
		}, "projects.page.done.expertAssigned", "acceptance", locale, model, response, redirect);
	}

	@PostMapping("/projects/{id}/acceptance/conclude")
	String conclude(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String conclusion, @RequestParam(required = false) String comment,
			HttpServletRequest request, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, id, "conclude", null, request,
				() -> this.completions.concludeAcceptance(id, user,
						choice(Completions.Conclusion.class, conclusion, "conclusion"), comment),
				"projects.page.done.acceptanceConcluded", "acceptance", locale, model, response, redirect);
	}

	// Taking a step.

	private interface Step {

		void run();

	}

	/**
	 * Takes one step: back to the page's section with a notice, or the page again with
	 * the refusal and what was typed.
	 */
	private String act(CurrentUser user, UUID id, String section, UUID target, HttpServletRequest request, Step step,
			String done, String anchor, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		signedIn(user);
		try {
			step.run();
		}
		catch (DomainException ex) {
			return this.support.render(user, id,
					Typed.of(section, (target == null) ? null : target.toString(), typed(request)), ex, locale, model,
					response);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:/projects/" + id + "#" + anchor;
	}

	private void requireChangeOf(UUID projectId, UUID changeId) {
		this.changes.find(changeId)
			.filter(change -> change.projectId().equals(projectId))
			.orElseThrow(() -> DomainException.notFound("change"));
	}

	private static void signedIn(CurrentUser user) {
		if (user == null) {
			throw new AccessDeniedException("sign in");
		}
	}

	private static Map<String, List<String>> typed(HttpServletRequest request) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("_csrf")) {
				fields.put(name, Arrays.asList(values));
			}
		});
		return fields;
	}

	// Reading the forms.

	private static AgreementTerms terms(HttpServletRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Money cash = amount(request.getParameter("cashTotal"), "cashTotal", violations);
		Money hardware = amount(request.getParameter("hardwareSoftwareTotal"), "hardwareSoftwareTotal", violations);
		LocalDate starts = date(request.getParameter("startsOn"), "startsOn", violations);
		LocalDate ends = date(request.getParameter("endsOn"), "endsOn", violations);
		LocalDate fundsDue = date(request.getParameter("fundsDueOn"), "fundsDueOn", violations);
		IpOwnership ip = null;
		try {
			ip = choice(IpOwnership.class, request.getParameter("ipOwnership"), "ipOwnership");
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new AgreementTerms(cash, hardware, starts, ends, request.getParameter("deliverables"), ip, fundsDue);
	}

	/**
	 * The completion as the form sends it: rows left blank are dropped, so that a
	 * refusal's row numbers are those of the rows shown again.
	 */
	private static Completions.CompletionRequest completionRequest(String report, HttpServletRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		List<Completions.Outcome> outcomes = new ArrayList<>();
		String[] kinds = values(request, "outcomeKind");
		String[] titles = values(request, "outcomeTitle");
		String[] descriptions = values(request, "outcomeDescription");
		for (int i = 0; i < titles.length; i++) {
			String title = titles[i];
			String description = (i < descriptions.length) ? descriptions[i] : "";
			if (isBlank(title) && isBlank(description)) {
				continue;
			}
			Completions.OutcomeKind kind = null;
			try {
				kind = choice(Completions.OutcomeKind.class, (i < kinds.length) ? kinds[i] : null,
						"outcomes[" + outcomes.size() + "].kind");
			}
			catch (DomainException ex) {
				violations.addAll(ex.violations());
			}
			outcomes.add(new Completions.Outcome(kind, title, description));
		}
		List<Completions.FundUse> usage = new ArrayList<>();
		String[] categories = values(request, "fundCategory");
		String[] amounts = values(request, "fundAmount");
		for (int i = 0; i < categories.length; i++) {
			String amountText = (i < amounts.length) ? amounts[i] : "";
			if (isBlank(categories[i]) && isBlank(amountText)) {
				continue;
			}
			Money amount = amount(amountText, "fundUsage[" + usage.size() + "].amount", violations);
			usage.add(new Completions.FundUse(categories[i], amount));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new Completions.CompletionRequest(report, outcomes, usage);
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values == null) ? new String[0] : values;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static Money amount(String text, String field, List<FieldViolation> violations) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Money.of(text.replace(",", "").replace("¥", "").strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "INVALID_AMOUNT", "an amount in yuan, at most two decimals"));
			return null;
		}
	}

	private static LocalDate date(String text, String field, List<FieldViolation> violations) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return org.xietong.shared.InputRules.parseDate(text);
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "INVALID_DATE", "a date such as 2025-10-01"));
			return null;
		}
	}

	private static UUID uuid(String text, String field, List<FieldViolation> violations) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "INVALID", "not an id"));
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(field, "INVALID", "one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

}
