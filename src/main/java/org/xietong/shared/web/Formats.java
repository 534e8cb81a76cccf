package org.xietong.shared.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.xietong.shared.Money;

/** How pages show amounts and times, the same on every page. */
public final class Formats {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Formats() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

	/** The time to the minute in {@code zone}; an empty string for none. */
	public static String minutes(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : MINUTES.withZone(zone).format(instant);
	}

}
