package org.xietong.shared;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** The platform's two languages: Chinese first, English second. */
public final class Languages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

	private Languages() {
	}

	/** English when asked for first, Chinese otherwise. */
	public static Locale fromAcceptLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return CHINESE;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			Locale best = Locale.lookup(ranges, SUPPORTED);
			if (best == null) {
				String first = ranges.get(0).getRange();
				return first.startsWith("en") ? ENGLISH : CHINESE;
			}
			return best.getLanguage().equals("en") ? ENGLISH : CHINESE;
		}
		catch (IllegalArgumentException ex) {
			return CHINESE;
		}
	}

	/** The language named by a tag such as {@code en} or {@code zh-CN}, or Chinese. */
	public static Locale fromTag(String tag) {
		return (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en")) ? ENGLISH : CHINESE;
	}

}
