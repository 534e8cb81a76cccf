package org.xietong.projects.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.ProjectType;
import org.xietong.projects.ProjectQuery;
import org.xietong.projects.ProjectStatus;
import org.xietong.projects.ProjectVerification;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.shared.PageResult;

@RestController
@Tag(name = "Projects")
class ProjectsApiController {

	private final Projects projects;

	ProjectsApiController(Projects projects) {
		this.projects = projects;
	}

	@GetMapping("/api/v1/projects/{id}")
	@Operation(summary = "One project: the department any, a teacher those it leads, a university its teachers', an "
			+ "enterprise those of its guides (404 otherwise)")
	ProjectView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.projects.get(id, user);
	}

	@GetMapping("/api/v1/projects")
	@Operation(summary = "Projects the caller may see, in number order, filtered by batchId, status, type, key, "
			+ "universityId, enterpriseId and q (number, title, leader, university, enterprise)")
	PageResult<ProjectView> search(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) UUID batchId, @RequestParam(required = false) ProjectStatus status,
			@RequestParam(required = false) ProjectType type, @RequestParam(required = false) Boolean key,
			@RequestParam(required = false) UUID universityId, @RequestParam(required = false) UUID enterpriseId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (user == null) {
			throw new org.springframework.security.access.AccessDeniedException("sign in");
		}
		return this.projects.search(
				new ProjectQuery(Projects.scopeOf(user), batchId, status, type, key, universityId, enterpriseId, q),
				page, size);
	}

	@GetMapping("/api/v1/verify/projects/{number}")
	@Operation(summary = "Check a project number (anyone): valid: true with its title, leader, university, "
			+ "enterprise, type, key and status; an unknown number answers valid: false and nothing more")
	ProjectVerification verify(@PathVariable String number) {
		return ProjectVerification.of(number, this.projects.byNumber(number));
	}

}
