package org.xietong.applications.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.xietong.shared.Money;

/**
 * Small formatting the application pages share: amounts in yuan, times to the second in a
 * batch's zone, file sizes.
 */
public final class ApplicationDisplay {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private ApplicationDisplay() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

	public static String seconds(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : SECONDS.withZone(zone).format(instant);
	}

	public static String minutes(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : MINUTES.withZone(zone).format(instant);
	}

	/** The time of day only, as the autosave reports it. */
	public static String clock(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : CLOCK.withZone(zone).format(instant);
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
