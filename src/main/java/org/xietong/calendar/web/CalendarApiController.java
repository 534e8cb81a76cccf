package org.xietong.calendar.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.calendar.WorkingDayCalendar;
import org.xietong.calendar.YearCalendar;
import org.xietong.shared.DomainException;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Working-day calendar")
class CalendarApiController {

	private final WorkingDayCalendar calendar;

	CalendarApiController(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(summary = "The years the calendar holds (public)")
	List<Integer> years() {
		return this.calendar.years();
	}

	@GetMapping("/{year}")
	@Operation(summary = "A year's public holidays and make-up working days (public)")
	YearCalendar get(@PathVariable int year) {
		return this.calendar.find(year).orElseThrow(() -> DomainException.notFound("calendar year"));
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	@Operation(summary = "Set a year's holidays and make-up working days (调休), replacing what was there")
	YearCalendar put(@PathVariable int year, @RequestBody YearBody body) {
		return this.calendar.put(year, body.holidays(), body.makeupWorkdays(),
				(body.source() == null || body.source().isBlank()) ? "教育厅维护" : body.source().trim(), body.version());
	}

	@GetMapping("/working-days")
	@Operation(summary = "The last of `count` working days from `from` (which counts when it is a working day), "
			+ "and the instant a period of that length closes")
	WorkingPeriod workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int count, @RequestParam(defaultValue = "Asia/Shanghai") ZoneId zone) {
		if (count < 1 || count > 366) {
			throw DomainException.invalid("count", "OUT_OF_RANGE", "from 1 to 366 working days");
		}
		var closesAt = this.calendar.closesAt(from.atStartOfDay(zone).toInstant(), count, zone);
		return new WorkingPeriod(from, count, closesAt.atZone(zone).toLocalDate(),
				closesAt.atZone(zone).toOffsetDateTime());
	}

	record YearBody(List<LocalDate> holidays, List<LocalDate> makeupWorkdays, String source, Long version) {
	}

	record WorkingPeriod(LocalDate from, int count, LocalDate lastDay, java.time.OffsetDateTime closesAt) {
	}

}
