package org.xietong.approvals.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.xietong.shared.Money;

/**
 * Small formatting the approval pages share: amounts in yuan, times to the minute in a
 * batch's zone, scores, query parameters.
 */
public final class ApprovalDisplay {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ApprovalDisplay() {
	}

	/** {@code ¥10,000.00}; an empty string for no amount. */
	public static String yuan(Money amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

	public static String minutes(Instant instant, ZoneId zone) {
		return (instant == null) ? "" : MINUTES.withZone(zone).format(instant);
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
