package org.xietong.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except the public holidays, plus the
 * weekend days that are make-up working days. A pure value, testable without a database.
 */
public record WorkingDays(Set<LocalDate> holidays, Set<LocalDate> makeupWorkdays) {

	public WorkingDays {
		holidays = Set.copyOf(holidays);
		makeupWorkdays = Set.copyOf(makeupWorkdays);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (this.holidays.contains(day)) {
			return false;
		}
		if (this.makeupWorkdays.contains(day)) {
			return true;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	/**
	 * The last of {@code count} working days starting at {@code first}: {@code first}
	 * counts as the first when it is a working day. Five working days from Friday 27 Sep
	 * 2024 end on 9 Oct 2024 (27 Sep, Sun 29 Sep 调休, 30 Sep, 8 Oct, 9 Oct).
	 */
	public LocalDate lastOf(int count, LocalDate first) {
		if (count < 1) {
			throw new IllegalArgumentException("count at least one working day");
		}
		LocalDate day = first;
		int counted = 0;
		while (true) {
			if (isWorkingDay(day)) {
				counted++;
				if (counted == count) {
					return day;
				}
			}
			day = day.plusDays(1);
		}
	}

}
