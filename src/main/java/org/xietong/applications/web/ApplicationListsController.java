package org.xietong.applications.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationManagement;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationStatus;
import org.xietong.applications.ApplicationSummary;
import org.xietong.applications.EndorsementUsage;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideQuery;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * Each role's list of applications, with its filters as a GET form, paging and a CSV
 * export of the same list: the teacher's own (我的申报), the university's queue (申报推荐) with
 * its endorsement caps above it, the enterprise's endorsed applications (收到的申报) and the
 * department's overview (申报总览).
 */
@Controller
class ApplicationListsController {

	private static final int PAGE_SIZE = 20;

	private final ApplicationQueries queries;

	private final ApplicationManagement applications;

	private final BatchManagement batches;

	private final GuideCatalogue guides;

	private final ApplicationPageSupport support;

	private final Clock clock;

	ApplicationListsController(ApplicationQueries queries, ApplicationManagement applications, BatchManagement batches,
			GuideCatalogue guides, ApplicationPageSupport support, Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.applications = applications;
		this.batches = batches;
		this.guides = guides;
		this.support = support;
	}

	@GetMapping("/applications")
	String teacher(@AuthenticationPrincipal CurrentUser user, ListFilter filter,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model, HttpServletResponse response) {
		ApplicationPageSupport.require(user, Role.TEACHER);
		ListPage list = new ListPage("/applications", Role.TEACHER.name(), "applications.mine.title",
				"applications.mine.lead", statuses(false, false), List.of(), List.of(), false, false);
		return render(user, list, filter, page, List.of(), locale, model, response);
	}

	@GetMapping("/applications.csv")
	void teacherCsv(@AuthenticationPrincipal CurrentUser user, ListFilter filter, HttpServletResponse response)
			throws IOException {
		ApplicationPageSupport.require(user, Role.TEACHER);
		ApplicationCsv.send(response, "my-applications.csv", this.queries,
				filter.query(ApplicationQueries.scopeOf(user)));
	}

	@GetMapping("/university/applications")
	String university(@AuthenticationPrincipal CurrentUser user, ListFilter typed,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model, HttpServletResponse response) {
		ApplicationPageSupport.require(user, Role.UNIVERSITY_ADMIN);
		ListFilter filter = typed.withDefaultStatus(ApplicationStatus.SUBMITTED).withDefaultBatch(currentBatch());
		UUID batch = filter.batch();
		List<EndorsementUsage> usage = (batch == null || this.batches.find(batch).isEmpty()) ? List.of()
				: this.applications.endorsementUsage(user.organizationId(), batch);
		List<ListPage.Choice> enterprises = usage.stream()
			.map(u -> new ListPage.Choice(u.enterpriseId().toString(), u.enterpriseName()))
			.toList();
		ListPage list = new ListPage("/university/applications", Role.UNIVERSITY_ADMIN.name(),
				"applications.university.title", "applications.university.lead", statuses(true, false), List.of(),
				enterprises, true, true);
		return render(user, list, filter, page, usage, locale, model, response);
	}

	@GetMapping("/university/applications.csv")
	void universityCsv(@AuthenticationPrincipal CurrentUser user, ListFilter typed, HttpServletResponse response)
			throws IOException {
		ApplicationPageSupport.require(user, Role.UNIVERSITY_ADMIN);
		ListFilter filter = typed.withDefaultStatus(ApplicationStatus.SUBMITTED);
		ApplicationCsv.send(response, "university-applications.csv", this.queries,
				filter.query(ApplicationQueries.scopeOf(user)));
	}

	@GetMapping("/enterprise/applications")
	String enterprise(@AuthenticationPrincipal CurrentUser user, ListFilter filter,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model, HttpServletResponse response) {
		ApplicationPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		List<ListPage.Choice> own = this.guides
			.search(GuideQuery.own(user.organizationId())
				.filter(filter.batch(), null, null, null, null, null, null, null, null), 0, PageResult.MAX_SIZE)
			.items()
			.stream()
			.map(guide -> new ListPage.Choice(guide.id().toString(), guide.title()))
			.toList();
		ListPage list = new ListPage("/enterprise/applications", Role.ENTERPRISE_CONTACT.name(),
				"applications.enterprise.title", "applications.enterprise.lead", statuses(true, true), own, List.of(),
				true, false);
		return render(user, list, filter, page, List.of(), locale, model, response);
	}

	@GetMapping("/enterprise/applications.csv")
	void enterpriseCsv(@AuthenticationPrincipal CurrentUser user, ListFilter filter, HttpServletResponse response)
			throws IOException {
		ApplicationPageSupport.require(user, Role.ENTERPRISE_CONTACT);
		ApplicationCsv.send(response, "received-applications.csv", this.queries,
				filter.query(ApplicationQueries.scopeOf(user)));
	}

	@GetMapping("/department/applications")
	String department(@AuthenticationPrincipal CurrentUser user, ListFilter filter,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model, HttpServletResponse response) {
		ApplicationPageSupport.require(user, Role.DEPARTMENT_OFFICER);
		ListPage list = new ListPage("/department/applications", Role.DEPARTMENT_OFFICER.name(),
				"applications.department.title", "applications.department.lead", statuses(true, false), List.of(),
				List.of(), true, false);
		return render(user, list, filter, page, List.of(), locale, model, response);
	}

	@GetMapping("/department/applications.csv")
	void departmentCsv(@AuthenticationPrincipal CurrentUser user, ListFilter filter, HttpServletResponse response)
			throws IOException {
		ApplicationPageSupport.require(user, Role.DEPARTMENT_OFFICER);
		ApplicationCsv.send(response, "applications.csv", this.queries, filter.query(ApplicationQueries.scopeOf(user)));
	}

	private String render(CurrentUser user, ListPage list, ListFilter filter, int page, List<EndorsementUsage> usage,
			Locale locale, Model model, HttpServletResponse response) {
		List<BatchView> recent = new ArrayList<>(this.batches.search(null, 0, 50).items());
		UUID batch = filter.batch();
		if (batch != null && recent.stream().noneMatch(b -> b.id().equals(batch))) {
			this.batches.find(batch).ifPresent(found -> recent.add(0, found));
		}
		PageResult<ApplicationSummary> result;
		Map<String, String> errors = Map.of();
		try {
			ApplicationQuery query = filter.query(ApplicationQueries.scopeOf(user));
			result = this.queries.search(query, Math.max(page, 0), PAGE_SIZE);
		}
		catch (DomainException ex) {
			errors = this.support.errors(ex, locale);
			response.setStatus(ex.violations().isEmpty() ? ex.status() : 422);
			result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
		}
		BatchView chosen = recent.stream().filter(b -> filter.isBatch(b.id())).findFirst().orElse(null);
		model.addAttribute("list", list);
		model.addAttribute("filter", filter);
		model.addAttribute("batches", recent);
		model.addAttribute("chosen", chosen);
		model.addAttribute("zone", (chosen == null) ? BatchManagement.DEFAULT_TIME_ZONE : chosen.timeZone());
		model.addAttribute("result", result);
		model.addAttribute("usage", usage);
		model.addAttribute("errors", errors);
		return "applications/list";
	}

	/**
	 * The batch a university works on now: the one whose application window opened last,
	 * or else the first listed.
	 */
	private UUID currentBatch() {
		Instant now = this.clock.instant();
		List<BatchView> recent = this.batches.search(null, 0, 50).items();
		return recent.stream()
			.filter(batch -> !batch.schedule().applicationOpens().isAfter(now))
			.max(Comparator.comparing(batch -> batch.schedule().applicationOpens()))
			.or(() -> recent.stream().findFirst())
			.map(BatchView::id)
			.orElse(null);
	}

	/**
	 * The statuses a role filters by: past the draft for everyone but the teacher, only
	 * the endorsed ones for an enterprise.
	 */
	private static List<String> statuses(boolean submittedOnly, boolean endorsedOnly) {
		return Arrays.stream(ApplicationStatus.values())
			.filter(status -> !submittedOnly || status != ApplicationStatus.DRAFT)
			.filter(status -> !endorsedOnly || status.isEndorsed())
			.map(Enum::name)
			.toList();
	}

}
