package org.xietong.batches.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.xietong.shared.InputRules;

/**
 * How a batch's instants are written and read: always in the batch's own time zone.
 */
public final class BatchTimes {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private BatchTimes() {
	}

	/** {@code 2024-11-01T23:59:59+08:00}, for the API. */
	public static String iso(Instant instant, ZoneId zone) {
		return (instant == null) ? null : ISO.format(instant.atZone(zone));
	}

	/** {@code 2024-11-01 23:59}, for people; a dash for none. */
	public static String minutes(Instant instant, ZoneId zone) {
		return (instant == null) ? "—" : MINUTES.format(instant.atZone(zone));
	}

	/** {@code 2024-11-01T23:59:59}, the value of a {@code datetime-local} input. */
	public static String input(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : INPUT.format(instant.atZone(zone));
	}

	/** Reads an ISO-8601 date and time with an offset ({@code +08:00} or {@code Z}). */
	static Instant parseWithOffset(String text) {
		return InputRules.parseInstant(text);
	}

	/** Reads a {@code datetime-local} value as a time in {@code zone}. */
	static Instant parseLocal(String text, ZoneId zone) {
		return InputRules.parseLocal(text, zone);
	}

}
