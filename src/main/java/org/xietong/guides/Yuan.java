package org.xietong.guides;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.xietong.shared.Money;

/** Amounts as people read them in messages: {@code ¥10,000.00}. */
final class Yuan {

	private Yuan() {
	}

	static String format(Money amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

}
