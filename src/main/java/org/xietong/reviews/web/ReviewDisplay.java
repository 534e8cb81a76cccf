package org.xietong.reviews.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.xietong.shared.Money;

/**
 * Small formatting the review pages share: times to the minute in a batch's zone, the
 * value of a datetime-local input, scores and weights without trailing zeros, amounts,
 * file sizes.
 */
public final class ReviewDisplay {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private ReviewDisplay() {
	}

	public static String minutes(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : MINUTES.withZone(zone).format(instant);
	}

	/** The value of a {@code datetime-local} input in the zone. */
	public static String input(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : INPUT.withZone(zone).format(instant);
	}

	public static String clock(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : CLOCK.withZone(zone).format(instant);
	}

	/** {@code 60}, {@code 7.5}; an empty string for none. */
	public static String number(BigDecimal value) {
		return (value == null) ? "" : value.stripTrailingZeros().toPlainString();
	}

	/** A score to two decimals, {@code —} for none yet. */
	public static String score(BigDecimal value) {
		return (value == null) ? "—" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	public static String yuan(Money amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

	public static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	public static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

}
