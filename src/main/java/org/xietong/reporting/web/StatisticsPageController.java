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
import org.xietong.reporting.Counting;
import org.xietong.reporting.Listed;
import org.xietong.reporting.Measure;
import org.xietong.reporting.Scope;
import org.xietong.reporting.Statistics;
import org.xietong.reporting.Statistics.OrganizationKind;
import org.xietong.reporting.StatisticsLists;

/**
 * The statistics pages: the department's of a batch and across years, a university's and
 * an enterprise's own, the list behind every figure, and their workbooks.
 */
@Controller
class StatisticsPageController {

	private final Statistics statistics;

	private final StatisticsLists lists;

	private final MessageSource messages;

	StatisticsPageController(Statistics statistics, StatisticsLists lists, MessageSource messages) {
		this.statistics = statistics;
		this.lists = lists;
		this.messages = messages;
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
				workbook -> workbook.report(this.statistics.report(scope), batch.title()));
	}

	@GetMapping("/department/statistics/years")
	String years(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<Measure> measures = YearComparison.MEASURES;
		model.addAttribute("years", YearComparison.of(this.statistics.byYear(user, measures)));
		return "reporting/years";
	}

	@GetMapping("/department/statistics/report.xlsx")
	void yearWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Scope scope = this.statistics.year(user, year);
		Statistics.Report report = this.statistics.report(scope);
		Map<Integer, Counting.Figures> years = this.statistics.byYear(user, YearComparison.MEASURES);
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
		Statistics.Report report = this.statistics.report(scope);
		YearComparison years = YearComparison.of(this.statistics.byYear(user, YearComparison.MEASURES));
		Locale locale = RequestContextUtils.getLocale(request);
		String asOf = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(scope.now().atZone(this.statistics.batch(scope.batchIds().get(0)).zone()));
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"statistics-report-" + year + ".pdf\"");
		YearReportPdf.write(response.getOutputStream(), this.statistics.departmentName(),
				this.messages.getMessage("statistics.report.title", new Object[] { year }, locale),
				this.messages.getMessage("statistics.report.subtitle", new Object[] { asOf }, locale), report, years,
				key -> this.messages.getMessage(key, null, key, locale));
	}

	@GetMapping({ "/statistics/list", "/statistics/list.xlsx" })
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam UUID batchId, @RequestParam String measure,
			@RequestParam(required = false) UUID org, @RequestParam(required = false) String by,
			@RequestParam(required = false) String value, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		StatisticsLists.Request asked = this.lists.request(user, batchId, measure, org, by, value);
		if (request.getRequestURI().endsWith(".xlsx")) {
			Locale locale = RequestContextUtils.getLocale(request);
			StatisticsWorkbook.send(response, "statistics-list.xlsx", this.messages, locale, workbook -> workbook
				.listing(Listed.of(asked.measure()), label(asked, locale), sink -> this.lists.each(asked, sink)));
			return null;
		}
		Counting.Listing listing = this.lists.page(asked, Math.max(page, 0), 50);
		model.addAttribute("asked", asked);
		model.addAttribute("listing", listing);
		model.addAttribute("batch", this.statistics.batch(batchId));
		model.addAttribute("title", label(asked, RequestContextUtils.getLocale(request)));
		return "reporting/list";
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
		Statistics.Report report = this.statistics.report(scope);
		model.addAttribute("view", StatisticsView.of(report, batch, organization,
				key -> this.messages.getMessage(key, null, key, locale)));
		model.addAttribute("batches", this.statistics.batches());
		model.addAttribute("kind", (kind == null) ? "department" : kind.name().toLowerCase(Locale.ROOT));
		model.addAttribute("organizationName",
				(organization == null) ? null : this.statistics.organizationName(organization).orElse(""));
		model.addAttribute("asOf", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.format(scope.now().atZone(batch.zone())));
		return "reporting/statistics";
	}

}
