package org.xietong.reporting.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.CurrentUser;
import org.xietong.reporting.Breakdown;
import org.xietong.reporting.Counting;
import org.xietong.reporting.Listed;
import org.xietong.reporting.Measure;
import org.xietong.reporting.Scope;
import org.xietong.reporting.Statistics;
import org.xietong.reporting.Statistics.OrganizationKind;
import org.xietong.reporting.StatisticsLists;
import org.xietong.reporting.StatisticsSnapshots;
import org.xietong.shared.DomainException;

/**
 * The statistics pages: the department's of a batch and across years, a university's and
 * an enterprise's own, the list behind every figure, and their workbooks.
 */
@Controller
class StatisticsPageController {

	private final Statistics statistics;

	private final StatisticsLists lists;

	private final MessageSource messages;

	private final StatisticsSnapshots snapshots;

	StatisticsPageController(Statistics statistics, StatisticsLists lists, MessageSource messages,
			StatisticsSnapshots snapshots) {
		this.statistics = statistics;
		this.lists = lists;
		this.messages = messages;
		this.snapshots = snapshots;
	}

	@GetMapping("/department/statistics")
	String department(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID batchId,
			Model model, HttpServletRequest request) {
		return show(this.statistics.scope(user, batchId, null, null), null, null, model, request);
	}

	@GetMapping("/university/statistics")
	String university(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID batchId,
			@RequestParam(required = false) UUID universityId, Model model, HttpServletRequest request) {
		Scope scope = this.statistics.scope(user, batchId, OrganizationKind.UNIVERSITY, universityId);
		return show(scope, scope.university(), OrganizationKind.UNIVERSITY, model, request);
	}

	@GetMapping("/enterprise/statistics")
	String enterprise(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID batchId,
			@RequestParam(required = false) UUID enterpriseId, Model model, HttpServletRequest request) {
		Scope scope = this.statistics.scope(user, batchId, OrganizationKind.ENTERPRISE, enterpriseId);
		return show(scope, scope.enterprise(), OrganizationKind.ENTERPRISE, model, request);
	}

	@GetMapping({ "/department/statistics/export.xlsx", "/university/statistics/export.xlsx",
			"/enterprise/statistics/export.xlsx" })
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID batchId,
			@RequestParam(required = false) UUID universityId, @RequestParam(required = false) UUID enterpriseId,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		OrganizationKind kind = path.startsWith("/university") ? OrganizationKind.UNIVERSITY
				: path.startsWith("/enterprise") ? OrganizationKind.ENTERPRISE : null;
		Scope scope = this.statistics.scope(user, batchId, kind,
				(kind == OrganizationKind.UNIVERSITY) ? universityId : enterpriseId);
		Statistics.BatchRef batch = this.statistics.batch(scope.batchIds().get(0));
		Locale locale = RequestContextUtils.getLocale(request);
		StatisticsWorkbook.send(response, "statistics-" + batch.year() + ".xlsx", this.messages, locale,
				workbook -> workbook.report(this.snapshots.report(scope), batch.title()));
	}

	@GetMapping("/department/statistics/years")
	String years(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("years", YearComparison.of(byYear(user)));
		return "reporting/years";
	}

	@GetMapping("/department/statistics/report.xlsx")
	void yearWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Scope scope = this.statistics.year(user, year);
		Statistics.Report report = this.snapshots.report(scope);
		Map<Integer, Counting.Figures> years = byYear(user);
		Locale locale = RequestContextUtils.getLocale(request);
		StatisticsWorkbook.send(response, "statistics-report-" + year + ".xlsx", this.messages, locale, workbook -> {
			workbook.report(report, this.messages.getMessage("statistics.report.title", new Object[] { year }, locale));
			workbook.years(years, YearComparison.MEASURES);
		});
	}

	@GetMapping("/department/statistics/report.pdf")
	void yearPdf(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Scope scope = this.statistics.year(user, year);
		Statistics.Report report = this.snapshots.report(scope);
		YearComparison years = YearComparison.of(byYear(user));
		Locale locale = RequestContextUtils.getLocale(request);
		String asOf = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(report.scope().now().atZone(this.statistics.batch(scope.batchIds().get(0)).zone()));
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"statistics-report-" + year + ".pdf\"");
		YearReportPdf.write(response.getOutputStream(), this.statistics.departmentName(),
				this.messages.getMessage("statistics.report.title", new Object[] { year }, locale),
				this.messages.getMessage("statistics.report.subtitle", new Object[] { asOf }, locale), report, years,
				key -> this.messages.getMessage(key, null, key, locale));
	}

	@GetMapping({ "/statistics/table", "/statistics/table.xlsx" })
	String table(@AuthenticationPrincipal CurrentUser user, @RequestParam UUID batchId, @RequestParam String table,
			@RequestParam(required = false) UUID org, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Scope scope = this.lists.scope(user, batchId, org);
		Breakdown breakdown = Statistics.breakdowns(scope)
			.stream()
			.filter(candidate -> candidate.field().equals(table))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("table", "INVALID_TABLE", "not a table of these statistics"));
		Locale locale = RequestContextUtils.getLocale(request);
		Statistics.Report report = this.snapshots.report(scope);
		if (request.getRequestURI().endsWith(".xlsx")) {
			StatisticsWorkbook.send(response, "statistics-" + table + ".xlsx", this.messages, locale,
					workbook -> workbook.breakdown(report, breakdown, report.tables().get(breakdown)));
			return null;
		}
		Statistics.BatchRef batch = this.statistics.batch(batchId);
		UUID organization = (scope.university() != null) ? scope.university() : scope.enterprise();
		int size = 50;
		int rows = report.tables().get(breakdown).size();
		int shown = Math.max(0, Math.min(page, Math.max(0, (rows - 1) / size)));
		model.addAttribute("view", StatisticsView.of(report, batch, organization,
				key -> this.messages.getMessage(key, null, key, locale), table, shown * size, size));
		model.addAttribute("title", this.messages.getMessage("statistics.table." + table, null, table, locale));
		model.addAttribute("page", shown);
		model.addAttribute("pages", (rows + size - 1) / size);
		model.addAttribute("base", StatisticsView.tableLink(batchId, organization, breakdown));
		return "reporting/table";
	}

	@GetMapping({ "/statistics/list", "/statistics/list.xlsx" })
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID batchId,
			@RequestParam(required = false) Integer year, @RequestParam String measure,
			@RequestParam(required = false) UUID org, @RequestParam(required = false) String by,
			@RequestParam(required = false) String value, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (batchId == null && year == null) {
			throw DomainException.invalid("batchId", "REQUIRED", "a batch or a year");
		}
		StatisticsLists.Request asked = (batchId != null) ? this.lists.request(user, batchId, measure, org, by, value)
				: this.lists.request(user, year, measure);
		Locale locale = RequestContextUtils.getLocale(request);
		if (request.getRequestURI().endsWith(".xlsx")) {
			StatisticsWorkbook.send(response, "statistics-list.xlsx", this.messages, locale, workbook -> workbook
				.listing(Listed.of(asked.measure()), label(asked, locale), sink -> this.lists.each(asked, sink)));
			return null;
		}
		model.addAttribute("asked", asked);
		model.addAttribute("listing", this.lists.page(asked, Math.max(page, 0), 50));
		model.addAttribute("heading", (batchId != null) ? this.statistics.batch(batchId).title()
				: this.messages.getMessage("statistics.year", new Object[] { year }, locale));
		model.addAttribute("title", label(asked, locale));
		return "reporting/list";
	}

	/** Each year's totals, as of at most the snapshots' age. */
	private Map<Integer, Counting.Figures> byYear(CurrentUser user) {
		Map<Integer, Counting.Figures> years = new java.util.LinkedHashMap<>();
		for (int year : this.statistics.years()) {
			years.put(year, this.snapshots.report(this.statistics.year(user, year)).totals());
		}
		return years;
	}

	private String label(StatisticsLists.Request asked, Locale locale) {
		String measure = this.messages.getMessage("statistics.measure." + asked.measure().key(), null,
				asked.measure().key(), locale);
		return (asked.valueName() == null) ? measure : asked.valueName() + " · " + measure;
	}

	private String show(Scope scope, UUID organization, OrganizationKind kind, Model model,
			HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		Statistics.BatchRef batch = this.statistics.batch(scope.batchIds().get(0));
		Statistics.Report report = this.snapshots.report(scope);
		// The page shows each table's first rows; the rest are a link away, paged.
		model.addAttribute("view", StatisticsView.of(report, batch, organization,
				key -> this.messages.getMessage(key, null, key, locale), null, 0, 15));
		model.addAttribute("batches", this.statistics.batches());
		model.addAttribute("kind", (kind == null) ? "department" : kind.name().toLowerCase(Locale.ROOT));
		model.addAttribute("organizationName",
				(organization == null) ? null : this.statistics.organizationName(organization).orElse(""));
		model.addAttribute("caps", (kind == OrganizationKind.UNIVERSITY) ? this.statistics.caps(batch.id()) : null);
		model.addAttribute("asOf", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.format(report.scope().now().atZone(batch.zone())));
		model.addAttribute("maxAge", this.snapshots.maxAge().toSeconds());
		return "reporting/statistics";
	}

}
