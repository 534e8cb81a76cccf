package org.xietong.organizations.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.shared.web.Csv;
import org.xietong.organizations.OrganizationKind;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The system administrator's universities: a list to search and export, and a form to add
 * one.
 */
@Controller
@RequestMapping("/admin/universities")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UniversitiesPageController {

	private static final int PAGE_SIZE = 50;

	private final OrganizationManagement organizations;

	private final MessageSource messages;

	UniversitiesPageController(OrganizationManagement organizations, MessageSource messages) {
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping
	String list(TextFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		return page(filter, page, UniversityForm.empty(), Map.of(), model);
	}

	@PostMapping
	String create(UniversityForm form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.organizations.createUniversity(form.name(), form.code());
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			return page(new TextFilter(null), 0, form, FormErrors.of(ex, this.messages, locale), model);
		}
		redirect.addFlashAttribute("notice", "universities.notice.created");
		return "redirect:/admin/universities";
	}

	@GetMapping("/export.csv")
	void export(TextFilter filter, HttpServletResponse response) throws IOException {
		PrintWriter out = Csv.open(response, "universities.csv", "name", "code", "status");
		matching(filter).forEach(university -> Csv.row(out, university.name(), university.code(), university.status()));
		out.flush();
	}

	private String page(TextFilter filter, int page, UniversityForm form, Map<String, String> errors, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", PageResult.of(matching(filter), Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "organizations/universities";
	}

	private List<OrganizationView> matching(TextFilter filter) {
		String text = (filter.text() == null) ? null : filter.text().toLowerCase(Locale.ROOT);
		return this.organizations.findAll(OrganizationKind.UNIVERSITY)
			.stream()
			.filter(university -> text == null || university.name().toLowerCase(Locale.ROOT).contains(text)
					|| university.code().contains(text))
			.toList();
	}

}
