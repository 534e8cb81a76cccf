package org.xietong.projects.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.projects.ProjectQuery;
import org.xietong.projects.ProjectVerification;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.shared.PageResult;
import org.xietong.shared.web.Csv;

/**
 * The project pages: the projects a signed-in teacher, university, enterprise or the
 * department may see, filtered, paged and exported; one project, not found outside the
 * caller's view exactly as the API answers; and the public check of a project number
 * (项目核验).
 */
@Controller
class ProjectPagesController {

	private static final int PAGE_SIZE = 20;

	private final Projects projects;

	private final BatchManagement batches;

	private final ProjectPageSupport support;

	ProjectPagesController(Projects projects, BatchManagement batches, ProjectPageSupport support) {
		this.projects = projects;
		this.batches = batches;
		this.support = support;
	}

	@GetMapping("/projects")
	String list(@AuthenticationPrincipal CurrentUser user, ProjectForm form, @RequestParam(defaultValue = "0") int page,
			Model model) {
		ProjectQuery.Scope scope = scope(user);
		PageResult<ProjectView> result = this.projects.search(form.query(scope), Math.max(page, 0), PAGE_SIZE);
		List<BatchView> choices = this.batches.search(null, 0, 50).items();
		model.addAttribute("form", form);
		model.addAttribute("batches", choices);
		model.addAttribute("result", result);
		model.addAttribute("role", user.roleName());
		return "projects/list";
	}

	@GetMapping("/projects.csv")
	void csv(@AuthenticationPrincipal CurrentUser user, ProjectForm form, HttpServletResponse response)
			throws IOException {
		ProjectQuery query = form.query(scope(user));
		try (var out = Csv.open(response, "projects.csv", "projectNumber", "title", "type", "key", "status", "leader",
				"university", "enterprise", "guide", "cash", "hardwareSoftware", "approvedAt", "applicationNumber")) {
			this.projects.forEach(query,
					project -> Csv.row(out, project.number(), project.title(), project.type(), project.key(),
							project.status(), project.leaderName(), project.universityName(), project.enterpriseName(),
							project.guideTitle(), project.cash(), project.hardwareSoftware(), project.approvedAt(),
							project.applicationNumber()));
		}
	}

	/**
	 * One project: its data, agreement, changes, completion, acceptance, certificate and
	 * whole history, with the forms of the steps the user may take now.
	 */
	@GetMapping("/projects/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale, Model model,
			HttpServletResponse response) {
		scope(user);
		return this.support.render(user, id, null, null, locale, model, response);
	}

	@GetMapping("/verify/projects")
	String verify(@RequestParam(required = false) String number, Model model) {
		boolean asked = number != null && !number.isBlank();
		model.addAttribute("number", (number == null) ? "" : number);
		model.addAttribute("result",
				asked ? ProjectVerification.of(number.strip(), this.projects.byNumber(number)) : null);
		return "projects/verify";
	}

	/** The caller's view of the projects; 403 for a role that has none. */
	private static ProjectQuery.Scope scope(CurrentUser user) {
		if (user == null) {
			throw new AccessDeniedException("sign in");
		}
		return Projects.scopeOf(user);
	}

}
