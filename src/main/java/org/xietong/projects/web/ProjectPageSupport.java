package org.xietong.projects.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserQuery;
import org.xietong.accounts.UserView;
import org.xietong.batches.BatchManagement;
import org.xietong.organizations.ExpertView;
import org.xietong.projects.AgreementView;
import org.xietong.projects.Agreements;
import org.xietong.projects.ChangeRequests;
import org.xietong.projects.CompletionList;
import org.xietong.projects.Completions;
import org.xietong.projects.ProjectHistory;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.reviews.ReviewAssignments;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * What the project page needs: everything about the project the user may see, the actions
 * the user may take now, and a refusal as sentences in the user's language — one for the
 * form, one per field, one line per violation — with what was typed.
 */
@Component
class ProjectPageSupport {

	/** The key of the message that concerns the whole form. */
	static final String FORM = "form";

	private static final Pattern ROW = Pattern.compile("(outcomes|fundUsage)\\[(\\d+)\\](?:\\.(\\w+))?");

	private final Projects projects;

	private final BatchManagement batches;

	private final Agreements agreements;

	private final ChangeRequests changes;

	private final Completions completions;

	private final CompletionList completionList;

	private final ProjectHistory history;

	private final ReviewAssignments reviewAssignments;

	private final UserManagement users;

	private final MessageSource messages;

	private final org.xietong.projects.ProjectFunds funds;

	ProjectPageSupport(Projects projects, BatchManagement batches, Agreements agreements, ChangeRequests changes,
			Completions completions, CompletionList completionList, ProjectHistory history,
			ReviewAssignments reviewAssignments, UserManagement users, MessageSource messages,
			org.xietong.projects.ProjectFunds funds) {
		this.projects = projects;
		this.batches = batches;
		this.agreements = agreements;
		this.changes = changes;
		this.completions = completions;
		this.completionList = completionList;
		this.history = history;
		this.reviewAssignments = reviewAssignments;
		this.users = users;
		this.messages = messages;
		this.funds = funds;
	}

	/**
	 * Renders the project page; with a refusal, the status it answers and the typed
	 * values of the form that was refused.
	 */
	String render(CurrentUser user, UUID projectId, Typed typed, DomainException refused, Locale locale, Model model,
			HttpServletResponse response) {
		ProjectView project = this.projects.get(projectId, user);
		AgreementView agreement = this.agreements.find(projectId).orElse(null);
		List<ChangeRequests.ChangeView> changeList = this.changes.changes(projectId);
		Completions.CompletionView completion = this.completions.find(projectId).orElse(null);
		ProjectActions.Parties parties = ProjectActions.Parties.of(user, project);
		boolean seesExperts = parties.enterprise() || parties.department();
		List<Completions.AcceptanceAssignment> assignments = seesExperts ? this.completions.assignments(projectId)
				: List.of();
		ProjectActions actions = ProjectActions.of(parties, project, agreement, completion, assignments);
		List<ExpertView> pool = actions.assignExpert() ? this.reviewAssignments.pool(user) : List.of();
		List<UserView> teachers = actions.requestChange() ? teachers(project) : List.of();
		Refusal refusal = Refusal.none();
		if (refused != null) {
			refusal = refusal(refused, locale);
			response.setStatus(refusal.status());
		}
		ProjectPageView page = new ProjectPageView(project, this.batches.find(project.batchId()).orElse(null),
				agreement, this.agreements.file(projectId).map(file -> file.originalName()).orElse(null), changeList,
				completion, assignments, this.completionList.certificate(projectId).orElse(null),
				this.history.of(projectId), this.funds.funds(projectId, user), actions, pool, teachers,
				(typed == null) ? Typed.none() : typed, refusal.errors(), refusal.lines());
		model.addAttribute("page", page);
		return "projects/show";
	}

	private List<UserView> teachers(ProjectView project) {
		List<UserView> found = new ArrayList<>();
		int page = 0;
		PageResult<UserView> result;
		do {
			result = this.users.search(new UserQuery(Role.TEACHER, project.universityId(), null), page++,
					PageResult.MAX_SIZE);
			result.items()
				.stream()
				.filter(UserView::enabled)
				.filter(teacher -> !teacher.id().equals(project.leaderId()))
				.forEach(found::add);
		}
		while (result.hasNext() && page < 10);
		return found;
	}

	/**
	 * A refusal as messages. Something not found is thrown on, to become the error page.
	 */
	Refusal refusal(DomainException ex, Locale locale) {
		if (ex.status() == 404) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String title = this.messages.getMessage("title." + ex.code(), null, ex.code(), locale);
		errors.put(FORM, this.messages.getMessage(ex.detailKey(), ex.args(), title, locale));
		List<String> lines = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			String text = this.messages.getMessage("violation." + violation.code(), null, violation.message(), locale);
			errors.merge(violation.field(), text, (a, b) -> a.contains(b) ? a : a + " " + b);
			String line = message("projects.page.problem", locale, label(violation.field(), locale), text);
			if (!lines.contains(line)) {
				lines.add(line);
			}
		}
		return new Refusal(ex.status(), errors, lines);
	}

	/** A field's name as the forms label it: "成果第 2 行 · 名称". */
	String label(String field, Locale locale) {
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			String rowLabel = message("projects.page.row." + row.group(1), locale, Integer.parseInt(row.group(2)) + 1);
			return (row.group(3) == null) ? rowLabel
					: rowLabel + " · " + message("projects.page.field." + row.group(1) + "." + row.group(3), locale);
		}
		return this.messages.getMessage("projects.page.field." + field, null, field, locale);
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/**
	 * A refusal as the page shows it.
	 *
	 * @param errors the sentence for the whole form under {@link #FORM}, then one per
	 * field
	 * @param lines each violation as one line naming its field
	 */
	record Refusal(int status, Map<String, String> errors, List<String> lines) {

		static Refusal none() {
			return new Refusal(200, Map.of(), List.of());
		}

	}

}
