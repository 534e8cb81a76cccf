package org.xietong.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How long until a deadline, as the home page says it: in working days where the rule
 * counts working days (notice periods), otherwise in days, hours or minutes.
 *
 * @param messageKey the phrase, e.g. {@code home.countdown.workingDays}
 * @param value the number it shows
 */
public record Countdown(String messageKey, long value) {

	/** Over this, calendar time is told in days; under it, in hours. */
	private static final Duration HOURS_UNDER = Duration.ofHours(48);

	/** Time left to {@code deadline} in days, hours or minutes; none once it passed. */
	public static Countdown calendar(Instant now, Instant deadline) {
		if (!deadline.isAfter(now)) {
			return new Countdown("home.countdown.passed", 0);
		}
		Duration left = Duration.between(now, deadline);
		if (left.compareTo(Duration.ofHours(1)) < 0) {
			return new Countdown("home.countdown.minutes", Math.max(1, left.toMinutes()));
		}
		if (left.compareTo(HOURS_UNDER) < 0) {
			return new Countdown("home.countdown.hours", left.toHours());
		}
		return new Countdown("home.countdown.days", left.toDays());
	}

	/** {@code workingDays} working days left, today included while it lasts. */
	public static Countdown workingDays(long workingDays) {
		return (workingDays > 0) ? new Countdown("home.countdown.workingDays", workingDays)
				: new Countdown("home.countdown.ended", 0);
	}

	/** Whether the deadline has passed. */
	public boolean passed() {
		return this.value == 0;
	}

}
