package org.xietong.organizations.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
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
import org.xietong.shared.web.Csv;
import org.xietong.accounts.CurrentUser;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.ExpertManagement;
import org.xietong.organizations.ExpertView;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.SheetPreview;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * A pool of experts as its owner keeps it: the department's pool for the department
 * officer, the enterprise's own for its contact. Another pool's expert is not found, as
 * in the API.
 */
@Controller
@RequestMapping("/experts")
@PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'ENTERPRISE_CONTACT')")
class ExpertsPageController {

	private static final int PAGE_SIZE = 50;

	private final ExpertManagement experts;

	private final OrganizationManagement organizations;

	private final MessageSource messages;

	private final ExpertPages pages;

	private final SheetImportPages imports;

	ExpertsPageController(ExpertManagement experts, EnterpriseManagement enterprises,
			OrganizationManagement organizations, MessageSource messages) {
		this.experts = experts;
		this.organizations = organizations;
		this.messages = messages;
		this.pages = new ExpertPages(experts, enterprises, organizations, messages);
		this.imports = new SheetImportPages("experts", "/experts", "experts.import", SheetPreview.expertColumns(),
				experts::importSheet, messages);
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, TextFilter filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", this.experts.search(pool(user), filter.text(), Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("names", this.pages.names());
		return "organizations/experts";
	}

	@GetMapping("/export.csv")
	void export(@AuthenticationPrincipal CurrentUser user, TextFilter filter, HttpServletResponse response)
			throws IOException {
		UUID pool = pool(user);
		Map<UUID, String> names = this.pages.names();
		PrintWriter out = Csv.open(response, "experts.csv", "username", "display_name", "affiliation", "fields",
				"conflicts", "enabled");
		int page = 0;
		PageResult<ExpertView> batch;
		do {
			batch = this.experts.search(pool, filter.text(), page++, PageResult.MAX_SIZE);
			batch.items()
				.forEach(
						e -> Csv.row(out, e.username(), e.displayName(), e.affiliationName(),
								String.join("、", e.fields()),
								String.join("、",
										e.conflicts()
											.stream()
											.map(c -> (c.organizationId() != null) ? names.getOrDefault(
													c.organizationId(), c.organizationId().toString()) : c.personName())
											.toList()),
								e.enabled()));
		}
		while (batch.hasNext());
		out.flush();
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(ExpertForm.empty(), pool(user), Map.of(), model);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser user, ExpertForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID pool = pool(user);
		ExpertView created;
		try {
			if (!form.choicesAmong(this.pages.choices(pool))) {
				throw DomainException.invalid("affiliation", "UNKNOWN_ORGANIZATION", "not an offered organisation");
			}
			created = this.experts.create(pool, form.command());
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			return form(form.withoutPassword(), pool, FormErrors.of(ex, this.messages, locale), model);
		}
		redirect.addFlashAttribute("notice", "experts.notice.created");
		return "redirect:/experts/" + created.id();
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		return this.pages.page(visible(user, id), pool(user), "/experts/" + id + "/conflicts", "/experts/" + id,
				ConflictForm.empty(), Map.of(), model);
	}

	@PostMapping("/{id}/conflicts")
	String declareConflict(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, ConflictForm form,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return this.pages.declare(visible(user, id), pool(user), form, "/experts/" + id + "/conflicts",
				"/experts/" + id, locale, model, response, redirect);
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user) {
		pool(user);
		return Downloads.workbook("experts-template.xlsx", this.experts.template());
	}

	@GetMapping("/import")
	String importForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		pool(user);
		return this.imports.form(model);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String preview(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
			HttpSession session, Locale locale, Model model, HttpServletResponse response) {
		return this.imports.preview(pool(user), file, session, locale, model, response);
	}

	@PostMapping("/import/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String token,
			HttpSession session, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.imports.confirm(pool(user), token, session, locale, model, response, redirect);
	}

	private String form(ExpertForm form, UUID pool, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("universities", this.pages.universities());
		model.addAttribute("enterprises", this.pages.enterprises(pool));
		model.addAttribute("errors", errors);
		return "organizations/expertNew";
	}

	private ExpertView visible(CurrentUser user, UUID id) {
		return this.experts.visibleTo(user, id);
	}

	private UUID pool(CurrentUser user) {
		return this.experts.poolOf(user);
	}

}
