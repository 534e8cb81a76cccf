package org.xietong.guides;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue's orders: newest first (the default), most cash per project, by title.
 */
public enum GuideSort {

	NEWEST, CASH, TITLE;

	/** The order named {@code newest}, {@code cash} or {@code title}, in any case. */
	public static Optional<GuideSort> parse(String name) {
		if (name == null || name.isBlank()) {
			return Optional.of(NEWEST);
		}
		return Arrays.stream(values()).filter(sort -> sort.name().equalsIgnoreCase(name.trim())).findFirst();
	}

	/**
	 * The name the API and the pages use: {@code newest}, {@code cash}, {@code title}.
	 */
	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

}
