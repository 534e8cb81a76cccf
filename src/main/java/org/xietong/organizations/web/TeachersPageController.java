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
import org.xietong.accounts.UserView;
import org.xietong.organizations.SheetPreview;
import org.xietong.organizations.TeacherManagement;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * A university administrator's teachers: its own university's only, one by one or from a
 * sheet previewed before it is imported.
 */
@Controller
@RequestMapping("/university/teachers")
@PreAuthorize("hasRole('UNIVERSITY_ADMIN')")
class TeachersPageController {

	private static final int PAGE_SIZE = 50;

	private final TeacherManagement teachers;

	private final MessageSource messages;

	private final SheetImportPages imports;

	TeachersPageController(TeacherManagement teachers, MessageSource messages) {
		this.teachers = teachers;
		this.messages = messages;
		this.imports = new SheetImportPages("teachers", "/university/teachers", "teachers.import",
				SheetPreview.teacherColumns(), teachers::importSheet, messages);
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, TextFilter filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result",
				this.teachers.search(user.organizationId(), filter.text(), Math.max(page, 0), PAGE_SIZE));
		return "organizations/teachers";
	}

	@GetMapping("/export.csv")
	void export(@AuthenticationPrincipal CurrentUser user, TextFilter filter, HttpServletResponse response)
			throws IOException {
		PrintWriter out = Csv.open(response, "teachers.csv", "username", "display_name", "title", "email", "phone",
				"enabled", "created_at");
		int page = 0;
		PageResult<UserView> batch;
		do {
			batch = this.teachers.search(user.organizationId(), filter.text(), page++, PageResult.MAX_SIZE);
			batch.items()
				.forEach(t -> Csv.row(out, t.username(), t.displayName(), t.title(), t.email(), t.phone(), t.enabled(),
						t.createdAt()));
		}
		while (batch.hasNext());
		out.flush();
	}

	@PostMapping("/{teacherId}/{action:deactivate|activate}")
	String setActive(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID teacherId,
			@PathVariable String action, RedirectAttributes redirect) {
		this.teachers.setActive(user.organizationId(), teacherId, "activate".equals(action));
		redirect.addFlashAttribute("notice", "teachers.notice." + action);
		return "redirect:/university/teachers";
	}

	@GetMapping("/new")
	String form(Model model) {
		model.addAttribute("form", TeacherForm.empty());
		model.addAttribute("errors", Map.of());
		return "organizations/teacherNew";
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser user, TeacherForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.teachers.create(user.organizationId(), form.command());
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			model.addAttribute("form", form.withoutPassword());
			model.addAttribute("errors", FormErrors.of(ex, this.messages, locale));
			return "organizations/teacherNew";
		}
		redirect.addFlashAttribute("notice", "teachers.notice.created");
		return "redirect:/university/teachers";
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.workbook("teachers-template.xlsx", this.teachers.template());
	}

	@GetMapping("/import")
	String importForm(Model model) {
		return this.imports.form(model);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String preview(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
			HttpSession session, Locale locale, Model model, HttpServletResponse response) {
		return this.imports.preview(user.organizationId(), file, session, locale, model, response);
	}

	@PostMapping("/import/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String token,
			HttpSession session, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.imports.confirm(user.organizationId(), token, session, locale, model, response, redirect);
	}

}
