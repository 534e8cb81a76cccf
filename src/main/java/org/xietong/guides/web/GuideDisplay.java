package org.xietong.guides.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.xietong.shared.Money;
import org.xietong.shared.web.Formats;

/** Small formatting the guide pages share: amounts in yuan, times in a batch's zone. */
public final class GuideDisplay {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private GuideDisplay() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		return Formats.yuan(amount);
	}

	public static String minutes(Instant instant, ZoneId zone) {
		return Formats.minutes(instant, zone);
	}

	public static String seconds(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : SECONDS.withZone(zone).format(instant);
	}

	public static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

}
