package org.xietong.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.calendar.WorkingDayCalendar;
import org.xietong.calendar.YearCalendar;
import org.xietong.shared.DomainException;

/** The calendar for everyone to read, and the department officer's form to keep it. */
@Controller
class CalendarPageController {

	private final WorkingDayCalendar calendar;

	private final MessageSource messages;

	private final Clock clock;

	CalendarPageController(WorkingDayCalendar calendar, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String view(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("years", this.calendar.years());
		model.addAttribute("entry", this.calendar.find(shown).orElse(null));
		return "calendar/view";
	}

	@GetMapping("/calendar/{year}/edit")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	String edit(@PathVariable int year, Model model) {
		YearCalendar entry = this.calendar.find(year).orElse(null);
		model.addAttribute("year", year);
		model.addAttribute("holidays", entry == null ? "" : lines(entry.holidays()));
		model.addAttribute("makeups", entry == null ? "" : lines(entry.makeupWorkdays()));
		model.addAttribute("version", entry == null ? -1 : entry.version());
		model.addAttribute("errors", Map.of());
		return "calendar/edit";
	}

	@PostMapping("/calendar/{year}/edit")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	String save(@PathVariable int year, @RequestParam String holidays, @RequestParam String makeups,
			@RequestParam long version, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			this.calendar.put(year, parse("holidays", holidays), parse("makeupWorkdays", makeups), "教育厅维护",
					version < 0 ? null : version);
		}
		catch (DomainException ex) {
			var locale = RequestContextUtils.getLocale(request);
			model.addAttribute("year", year);
			model.addAttribute("holidays", holidays);
			model.addAttribute("makeups", makeups);
			model.addAttribute("version", version);
			model
				.addAttribute("errors",
						ex.violations()
							.stream()
							.collect(
									Collectors
										.toMap(v -> v.field().replaceAll("\\[.*", ""),
												v -> this.messages.getMessage("violation." + v.code(), null,
														v.message(), locale) + " " + v.message(),
												(a, b) -> a + "；" + b)));
			if (ex.violations().isEmpty()) {
				model.addAttribute("errors", Map.of("holidays",
						this.messages.getMessage("error." + ex.code(), null, ex.getMessage(), locale)));
			}
			response.setStatus(ex.status());
			return "calendar/edit";
		}
		redirect.addFlashAttribute("notice", "calendar.saved");
		return "redirect:/calendar?year=" + year;
	}

	private static String lines(List<LocalDate> days) {
		return days.stream().map(LocalDate::toString).collect(Collectors.joining("\n"));
	}

	private static List<LocalDate> parse(String field, String text) {
		List<LocalDate> days = new ArrayList<>();
		for (String line : text.split("[\\s,，、;；]+")) {
			if (line.isBlank()) {
				continue;
			}
			try {
				days.add(org.xietong.shared.InputRules.parseDate(line));
			}
			catch (DateTimeParseException ex) {
				throw DomainException.invalid(field, "INVALID_DATE", line.trim());
			}
		}
		return days;
	}

}
