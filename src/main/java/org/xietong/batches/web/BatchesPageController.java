package org.xietong.batches.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;
import org.xietong.shared.web.Csv;

/**
 * The batch pages: the list and each batch's page for everyone, the forms for the
 * department officer.
 */
@Controller
@RequestMapping("/batches")
class BatchesPageController {

	private static final int PAGE_SIZE = 20;

	private static final String OFFICER = "hasRole('DEPARTMENT_OFFICER')";

	private final BatchManagement batches;

	private final Clock clock;

	private final MessageSource messages;

	BatchesPageController(BatchManagement batches, Clock clock, MessageSource messages) {
		this.batches = batches;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	String list(BatchFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", this.batches.search(filter.yearValue(), Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("now", this.clock.instant());
		return "batches/list";
	}

	@GetMapping("/export.csv")
	void export(BatchFilter filter, HttpServletResponse response) throws IOException {
		PrintWriter out = Csv.open(response, "batches.csv", "code", "title", "year", "province_code", "time_zone",
				"current_phase", "guide_submission_opens", "guide_submission_closes", "application_opens",
				"application_closes", "review_closes", "version");
		var now = this.clock.instant();
		int page = 0;
		PageResult<BatchView> found;
		do {
			found = this.batches.search(filter.yearValue(), page++, PageResult.MAX_SIZE);
			for (BatchView batch : found.items()) {
				ZoneId zone = batch.timeZone();
				var s = batch.schedule();
				Csv.row(out, batch.code(), batch.title(), batch.year(), batch.provinceCode(), zone.getId(),
						batch.phaseAt(now).name(), BatchTimes.iso(s.guideSubmissionOpens(), zone),
						BatchTimes.iso(s.guideSubmissionCloses(), zone), BatchTimes.iso(s.applicationOpens(), zone),
						BatchTimes.iso(s.applicationCloses(), zone), BatchTimes.iso(s.reviewCloses(), zone),
						batch.version());
			}
		}
		while (found.hasNext());
		out.flush();
	}

	@GetMapping("/new")
	@PreAuthorize(OFFICER)
	String newForm(Model model) {
		int year = LocalDate.now(this.clock.withZone(BatchManagement.DEFAULT_TIME_ZONE)).getYear();
		return form(model, BatchForm.blank(year), null);
	}

	@PostMapping
	@PreAuthorize(OFFICER)
	String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		BatchForm form = BatchForm.of(params);
		try {
			BatchView created = this.batches.create(form.definition());
			redirect.addFlashAttribute("notice", "batches.created");
			return "redirect:/batches/" + created.id();
		}
		catch (DomainException ex) {
			return refused(ex, model, form, null, request, response);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(OFFICER)
	String editForm(@PathVariable UUID id, Model model) {
		return form(model, BatchForm.of(find(id)), id);
	}

	@PostMapping("/{id}")
	@PreAuthorize(OFFICER)
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		find(id);
		BatchForm form = BatchForm.of(params);
		try {
			this.batches.update(id, form.version(), form.definition());
			redirect.addFlashAttribute("notice", "batches.updated");
			return "redirect:/batches/" + id;
		}
		catch (DomainException ex) {
			return refused(ex, model, form, id, request, response);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("page", BatchPage.at(find(id), this.clock.instant()));
		return "batches/detail";
	}

	private BatchView find(UUID id) {
		return this.batches.find(id).orElseThrow(() -> DomainException.notFound("batch"));
	}

	private String form(Model model, BatchForm form, UUID id) {
		model.addAttribute("form", form);
		model.addAttribute("batchId", (id == null) ? "" : id.toString());
		model.addAttribute("errors", Map.of());
		model.addAttribute("alert", "");
		return "batches/form";
	}

	/** The same form again, with each problem beside its field; nothing was saved. */
	private String refused(DomainException ex, Model model, BatchForm form, UUID id, HttpServletRequest request,
			HttpServletResponse response) {
		if (ex.status() == 404) {
			throw ex;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		Map<String, String> errors = new LinkedHashMap<>();
		ex.violations()
			.forEach(violation -> errors.putIfAbsent(violation.field(),
					this.messages.getMessage("violation." + violation.code(), null, violation.message(), locale)));
		form(model, form, id);
		model.addAttribute("errors", errors);
		model.addAttribute("alert", this.messages.getMessage(ex.detailKey(), ex.args(), ex.getMessage(), locale));
		response.setStatus(ex.status());
		return "batches/form";
	}

}
