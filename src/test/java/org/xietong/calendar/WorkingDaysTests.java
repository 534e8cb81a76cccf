package org.xietong.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTests {

	/** The State Council's 2024 arrangement around the National Day holiday. */
	private final WorkingDays days2024 = new WorkingDays(dates("2024-09-15", "2024-09-16", "2024-09-17", "2024-10-01",
			"2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07"),
			dates("2024-09-14", "2024-09-29", "2024-10-12"));

	@Test
	void fiveWorkingDaysFromFriday27September2024EndOn9October() {
		assertThat(this.days2024.lastOf(5, LocalDate.of(2024, 9, 27))).isEqualTo(LocalDate.of(2024, 10, 9));
	}

	@Test
	void aMakeUpSundayIsAWorkingDayAndAHolidayWeekdayIsNot() {
		assertThat(this.days2024.isWorkingDay(LocalDate.of(2024, 9, 29))).isTrue();
		assertThat(this.days2024.isWorkingDay(LocalDate.of(2024, 10, 2))).isFalse();
		assertThat(this.days2024.isWorkingDay(LocalDate.of(2024, 9, 28))).isFalse();
	}

	@Test
	void aPeriodOpenedOnAHolidayStartsCountingOnTheNextWorkingDay() {
		// 1 Oct is a holiday; the first working day after it is Tue 8 Oct.
		assertThat(this.days2024.lastOf(1, LocalDate.of(2024, 10, 1))).isEqualTo(LocalDate.of(2024, 10, 8));
		assertThat(this.days2024.lastOf(5, LocalDate.of(2024, 10, 1))).isEqualTo(LocalDate.of(2024, 10, 12));
	}

	@Test
	void withoutExceptionsItCountsMondayToFriday() {
		WorkingDays plain = new WorkingDays(Set.of(), Set.of());
		// Friday 3 Jan 2025 + 5 working days: 3, 6, 7, 8, 9 January.
		assertThat(plain.lastOf(5, LocalDate.of(2025, 1, 3))).isEqualTo(LocalDate.of(2025, 1, 9));
	}

	private static Set<LocalDate> dates(String... days) {
		return List.of(days).stream().map(LocalDate::parse).collect(Collectors.toSet());
	}

}
