package org.xietong.projects.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.xietong.batches.BatchManagement;
import org.xietong.shared.Money;

/** Small formatting the project pages share: amounts in yuan, dates in Beijing time. */
public final class ProjectDisplay {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ProjectDisplay() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

	/** The time to the minute in the province's zone. */
	public static String minutes(Instant instant) {
		return (instant == null) ? "" : MINUTES.withZone(zone()).format(instant);
	}

	public static ZoneId zone() {
		return BatchManagement.DEFAULT_TIME_ZONE;
	}

	public static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

}
