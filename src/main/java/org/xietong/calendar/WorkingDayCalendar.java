package org.xietong.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * The department's working-day calendar, and the counting that public notices rely on. A
 * year the department has not entered counts Monday to Friday only, and says so in the
 * log.
 */
@Service
public class WorkingDayCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	/**
	 * The missing years already told in the log: once per year and start, not on every
	 * count.
	 */
	private final java.util.Set<Integer> toldMissing = java.util.concurrent.ConcurrentHashMap.newKeySet();

	WorkingDayCalendar(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The working days of the years from {@code from} to {@code to}. */
	@Transactional(readOnly = true)
	public WorkingDays between(int from, int to) {
		WorkingDays days = load(from, to);
		for (int year = from; year <= to; year++) {
			if (find(year).isEmpty() && this.toldMissing.add(year)) {
				log.warn("The working-day calendar has no entry for {}: counting Monday to Friday only (said once; "
						+ "the department officer's tasks ask for it)", year);
			}
		}
		return days;
	}

	/**
	 * How many working days lie from {@code first} to {@code last}, both included; none
	 * when {@code last} lies before {@code first}. A year not entered counts Monday to
	 * Friday, silently: the calendar's task (CalendarTasks) says so where it is read.
	 */
	@Transactional(readOnly = true)
	public int count(LocalDate first, LocalDate last) {
		if (last.isBefore(first)) {
			return 0;
		}
		WorkingDays days = load(first.getYear(), last.getYear());
		int count = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (days.isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	private WorkingDays load(int from, int to) {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> makeups = new HashSet<>();
		this.jdbc.sql("SELECT calendar_day, kind FROM calendar_days WHERE calendar_year BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				LocalDate day = rs.getObject(1, LocalDate.class);
				("HOLIDAY".equals(rs.getString(2)) ? holidays : makeups).add(day);
				return day;
			})
			.list();
		return new WorkingDays(holidays, makeups);
	}

	/**
	 * When a period of {@code workingDays} working days that opens at {@code opensAt}
	 * ends: the last second (23:59:59) of its last working day, in {@code zone}.
	 */
	public Instant closesAt(Instant opensAt, int workingDays, ZoneId zone) {
		LocalDate first = opensAt.atZone(zone).toLocalDate();
		WorkingDays days = between(first.getYear(), first.getYear() + 1);
		LocalDate last = days.lastOf(workingDays, first);
		return last.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
	}

	@Transactional(readOnly = true)
	public Optional<YearCalendar> find(int year) {
		return this.jdbc.sql("SELECT source, version FROM calendar_years WHERE calendar_year = :year")
			.param("year", year)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.optional()
			.map(row -> {
				List<LocalDate> holidays = days(year, "HOLIDAY");
				List<LocalDate> makeups = days(year, "WORKDAY");
				return new YearCalendar(year, holidays, makeups, (String) row[0], (Long) row[1]);
			});
	}

	@Transactional(readOnly = true)
	public List<Integer> years() {
		return this.jdbc.sql("SELECT calendar_year FROM calendar_years ORDER BY calendar_year")
			.query(Integer.class)
			.list();
	}

	/**
	 * Sets a year's holidays and make-up working days, replacing what was there. Every
	 * date must lie in the year, no date may be both, and a make-up working day must be a
	 * weekend day. With {@code expectedVersion}, an older version is a conflict.
	 */
	@Transactional
	public YearCalendar put(int year, List<LocalDate> holidays, List<LocalDate> makeupWorkdays, String source,
			Long expectedVersion) {
		List<FieldViolation> violations = check(year, holidays, makeupWorkdays);
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		Optional<YearCalendar> before = find(year);
		if (expectedVersion != null && before.isPresent() && before.get().version() != expectedVersion) {
			throw new DomainException(409, "VERSION_CONFLICT", "the calendar was changed since it was read");
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (before.isPresent()) {
			this.jdbc.sql("DELETE FROM calendar_days WHERE calendar_year = :year").param("year", year).update();
			this.jdbc.sql(
					"UPDATE calendar_years SET source = :source, updated_at = :now, version = version + 1 WHERE calendar_year = :year")
				.param("source", source)
				.param("now", now)
				.param("year", year)
				.update();
		}
		else {
			this.jdbc.sql(
					"INSERT INTO calendar_years (calendar_year, source, updated_at, version) VALUES (:year, :source, :now, 0)")
				.param("year", year)
				.param("source", source)
				.param("now", now)
				.update();
		}
		insert(year, new TreeSet<>(holidays), "HOLIDAY");
		insert(year, new TreeSet<>(makeupWorkdays), "WORKDAY");
		YearCalendar after = find(year).orElseThrow();
		this.audit.record(AuditEvent.of("CALENDAR_SET", "Calendar", year)
			.before(before.map(WorkingDayCalendar::summary).orElse(null))
			.after(summary(after)));
		return after;
	}

	private static List<FieldViolation> check(int year, List<LocalDate> holidays, List<LocalDate> makeups) {
		List<FieldViolation> violations = new ArrayList<>();
		if (year < 2000 || year > 2100) {
			violations.add(new FieldViolation("year", "OUT_OF_RANGE", "a year from 2000 to 2100"));
			return violations;
		}
		if (holidays == null || makeups == null) {
			violations.add(new FieldViolation(holidays == null ? "holidays" : "makeupWorkdays", "REQUIRED", "a list"));
			return violations;
		}
		for (int i = 0; i < holidays.size(); i++) {
			LocalDate day = holidays.get(i);
			if (day == null || day.getYear() != year) {
				violations.add(new FieldViolation("holidays[" + i + "]", "DATE_OUTSIDE_YEAR", "a date in " + year));
			}
			else if (makeups.contains(day)) {
				violations.add(new FieldViolation("holidays[" + i + "]", "BOTH_HOLIDAY_AND_WORKDAY",
						day + " cannot be both a holiday and a working day"));
			}
		}
		for (int i = 0; i < makeups.size(); i++) {
			LocalDate day = makeups.get(i);
			if (day == null || day.getYear() != year) {
				violations
					.add(new FieldViolation("makeupWorkdays[" + i + "]", "DATE_OUTSIDE_YEAR", "a date in " + year));
			}
			else if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				violations.add(new FieldViolation("makeupWorkdays[" + i + "]", "MAKEUP_NOT_WEEKEND",
						day + " is a weekday already"));
			}
		}
		return violations;
	}

	private void insert(int year, Set<LocalDate> days, String kind) {
		for (LocalDate day : days) {
			this.jdbc.sql("INSERT INTO calendar_days (calendar_day, calendar_year, kind) VALUES (:day, :year, :kind)")
				.param("day", day)
				.param("year", year)
				.param("kind", kind)
				.update();
		}
	}

	private List<LocalDate> days(int year, String kind) {
		return this.jdbc.sql(
				"SELECT calendar_day FROM calendar_days WHERE calendar_year = :year AND kind = :kind ORDER BY calendar_day")
			.param("year", year)
			.param("kind", kind)
			.query(LocalDate.class)
			.list();
	}

	private static String summary(YearCalendar calendar) {
		return "holidays=" + calendar.holidays() + ", makeupWorkdays=" + calendar.makeupWorkdays();
	}

}
