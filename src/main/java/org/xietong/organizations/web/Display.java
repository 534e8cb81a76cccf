package org.xietong.organizations.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Small formatting the organisation pages share: values that may be missing, sizes,
 * times.
 */
public final class Display {

	private Display() {
	}

	/** The value as text, or an empty string when there is none. */
	public static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

	/** A file size as people read it: bytes, KB or MB. */
	public static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	public static String time(Instant instant, DateTimeFormatter formatter) {
		return (instant == null) ? "" : formatter.format(instant);
	}

}
