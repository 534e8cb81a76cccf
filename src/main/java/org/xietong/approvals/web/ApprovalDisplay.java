package org.xietong.approvals.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.xietong.shared.Money;
import org.xietong.shared.web.Formats;

/**
 * Small formatting the approval pages share: amounts in yuan, times to the minute in a
 * batch's zone, scores, query parameters.
 */
public final class ApprovalDisplay {

	private ApprovalDisplay() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		return Formats.yuan(amount);
	}

	public static String minutes(Instant instant, ZoneId zone) {
		return Formats.minutes(instant, zone);
	}

	/** A score to two decimals, {@code —} for none. */
	public static String score(BigDecimal value) {
		return (value == null) ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	public static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

	/** {@code &name=value}, encoded; nothing for an empty value. */
	public static String param(String name, String value) {
		return (value == null || value.isBlank()) ? ""
				: "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
