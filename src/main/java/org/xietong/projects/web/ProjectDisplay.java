package org.xietong.projects.web;

import java.time.Instant;
import java.time.ZoneId;

import org.xietong.batches.BatchManagement;
import org.xietong.shared.Money;
import org.xietong.shared.web.Formats;

/** Small formatting the project pages share: amounts in yuan, dates in Beijing time. */
public final class ProjectDisplay {

	private ProjectDisplay() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		return Formats.yuan(amount);
	}

	/** The time to the minute in the province's zone. */
	public static String minutes(Instant instant) {
		return Formats.minutes(instant, zone());
	}

	public static ZoneId zone() {
		return BatchManagement.DEFAULT_TIME_ZONE;
	}

	public static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

}
