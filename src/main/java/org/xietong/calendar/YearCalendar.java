package org.xietong.calendar;

import java.time.LocalDate;
import java.util.List;

/** One year's exceptions as the department keeps them. */
public record YearCalendar(int year, List<LocalDate> holidays, List<LocalDate> makeupWorkdays, String source,
		long version) {
}
