package org.xietong.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What the platform accepts as input anywhere: text that PostgreSQL can store (no NUL, no
 * lone UTF-16 surrogate) and dates between 1900 and 2100, the span any project, notice or
 * founding date of ours can fall in. Forms, query parameters and JSON all ask here.
 */
public final class InputRules {

	public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

	/**
	 * The widest span of instants, so that any zone's local date stays inside the days.
	 */
	public static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.MAX).toInstant();

	public static final Instant LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.MIN).toInstant();

	private InputRules() {
	}

	/**
	 * Whether {@code text} holds a character that must not be stored: NUL or a lone
	 * surrogate.
	 */
	public static boolean hasForbiddenCharacter(CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return true;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	public static boolean inRange(LocalDate date) {
		return date == null || (!date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY));
	}

	public static boolean inRange(Instant instant) {
		return instant == null || (!instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT));
	}

	/** Whether a parsed temporal value of any of the kinds we read lies in the span. */
	public static boolean inRange(Object temporal) {
		try {
			if (temporal instanceof LocalDate date) {
				return inRange(date);
			}
			if (temporal instanceof Instant instant) {
				return inRange(instant);
			}
			if (temporal instanceof OffsetDateTime time) {
				return inRange(time.toInstant());
			}
			if (temporal instanceof java.time.ZonedDateTime time) {
				return inRange(time.toInstant());
			}
			if (temporal instanceof LocalDateTime time) {
				return inRange(time.toLocalDate());
			}
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/** An ISO date ({@code 2024-10-25}) in the span; otherwise a parse failure. */
	public static LocalDate parseDate(String text) {
		return checked(LocalDate.parse(text.strip()), text);
	}

	/** An ISO instant with offset ({@code 2024-11-01T23:59:59+08:00}) in the span. */
	public static Instant parseInstant(String text) {
		return checked(OffsetDateTime.parse(text.strip()).toInstant(), text);
	}

	/** A local date-time ({@code 2024-11-01T23:59}) read in {@code zone}, in the span. */
	public static Instant parseLocal(String text, ZoneId zone) {
		return checked(LocalDateTime.parse(text.strip()).atZone(zone).toInstant(), text);
	}

	private static <T> T checked(T value, String text) {
		if (!inRange(value)) {
			throw new DateTimeParseException("outside " + FIRST_DAY + ".." + LAST_DAY, text, 0);
		}
		return value;
	}

}
