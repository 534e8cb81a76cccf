package org.xietong.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * The calendar asks the department officer and the system administrator for the current
 * and the next year's holidays and make-up working days: without them notice periods
 * count Monday to Friday. Each missing year is due when it begins.
 */
@Component
class CalendarTasks implements TaskSource {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	CalendarTasks(JdbcClient jdbc, Clock clock, @Value("${xietong.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		if (!actor.roleName().equals("DEPARTMENT_OFFICER") && !actor.roleName().equals("SYSTEM_ADMIN")) {
			return List.of();
		}
		int year = LocalDate.ofInstant(this.clock.instant(), this.zone).getYear();
		List<Integer> entered = this.jdbc
			.sql("SELECT calendar_year FROM calendar_years WHERE calendar_year BETWEEN :year AND :year + 1")
			.param("year", year)
			.query(Integer.class)
			.list();
		return IntStream.rangeClosed(year, year + 1)
			.filter(missing -> !entered.contains(missing))
			.mapToObj(missing -> new Task("CALENDAR_YEAR_MISSING", "task.calendar.missing",
					List.of(Integer.toString(missing)), "/calendar",
					LocalDate.of(missing, 1, 1).atStartOfDay(this.zone).toInstant(), 1))
			.toList();
	}

}
