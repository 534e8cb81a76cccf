package org.xietong.projects.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
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
import org.xietong.projects.Completions;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;

/**
 * An acceptance expert's tasks (结题验收任务): its assignments, newest first, and on each the
 * project with its completion report, outcomes and use of funds, and the form to conclude
 * — pass, fail or rectify, with a comment.
 */
@Controller
class ExpertAcceptancePageController {

	private final Completions completions;

	private final Projects projects;

	private final ProjectPageSupport support;

	ExpertAcceptancePageController(Completions completions, Projects projects, ProjectPageSupport support) {
		this.completions = completions;
		this.projects = projects;
		this.support = support;
	}

	@GetMapping("/expert/acceptance")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		requireExpert(user);
		List<Completions.AcceptanceAssignment> mine = this.completions.mine(user);
		Map<UUID, ProjectView> projects = new HashMap<>();
		for (Completions.AcceptanceAssignment assignment : mine) {
			projects.computeIfAbsent(assignment.projectId(), id -> this.projects.find(id).orElseThrow());
		}
		model.addAttribute("assignments", mine);
		model.addAttribute("projects", projects);
		return "projects/acceptance-list";
	}

	@GetMapping("/expert/acceptance/{assignmentId}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID assignmentId, Locale locale, Model model,
			HttpServletResponse response) {
		requireExpert(user);
		return render(user, assignmentId, null, "", "", locale, model, response);
	}

	@PostMapping("/expert/acceptance/{assignmentId}/conclude")
	String conclude(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID assignmentId,
			@RequestParam(required = false) String conclusion, @RequestParam(required = false) String comment,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireExpert(user);
		try {
			Completions.Conclusion chosen = null;
			if (conclusion != null && !conclusion.isBlank()) {
				try {
					chosen = Completions.Conclusion.valueOf(conclusion.strip());
				}
				catch (IllegalArgumentException ex) {
					throw DomainException.invalid("conclusion", "INVALID", "PASS, FAIL or RECTIFY");
				}
			}
			this.completions.conclude(assignmentId, user, chosen, comment);
		}
		catch (DomainException ex) {
			return render(user, assignmentId, ex, (conclusion == null) ? "" : conclusion,
					(comment == null) ? "" : comment, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "projects.page.done.expertConcluded");
		return "redirect:/expert/acceptance/" + assignmentId;
	}

	private String render(CurrentUser user, UUID assignmentId, DomainException refused, String conclusion,
			String comment, Locale locale, Model model, HttpServletResponse response) {
		Completions.AcceptanceAssignment assignment = this.completions.mine(user)
			.stream()
			.filter(a -> a.id().equals(assignmentId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("assignment"));
		ProjectView project = this.projects.find(assignment.projectId())
			.orElseThrow(() -> DomainException.notFound("project"));
		ProjectPageSupport.Refusal refusal = ProjectPageSupport.Refusal.none();
		if (refused != null) {
			refusal = this.support.refusal(refused, locale);
			response.setStatus(refusal.status());
		}
		model.addAttribute("assignment", assignment);
		model.addAttribute("project", project);
		model.addAttribute("completion", this.completions.find(project.id()).orElse(null));
		model.addAttribute("conclusion", conclusion);
		model.addAttribute("comment", comment);
		model.addAttribute("errors", refusal.errors());
		model.addAttribute("problems", refusal.lines());
		return "projects/acceptance";
	}

	private static void requireExpert(CurrentUser user) {
		if (user == null || !user.has(Role.EXPERT)) {
			throw new AccessDeniedException("only for an expert");
		}
	}

}
