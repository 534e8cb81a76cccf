package org.xietong.batches;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a batch stands at an instant, read from its schedule. Each window includes its
 * opening instant and its closing second: at {@code applicationCloses} applications are
 * still open, one second later the review has begun.
 */
public enum BatchPhase {

	/** Before guide submission opens. */
	NOT_STARTED,

	/** Enterprises submit their guides. */
	GUIDE_SUBMISSION,

	/**
	 * Between the close of guide submission and the opening of applications: the
	 * department reviews the guides, puts them under notice and publishes them.
	 */
	GUIDE_REVIEW,

	/** Teachers apply and universities endorse. */
	APPLICATION,

	/** Enterprises have the applications reviewed and recommend their selection. */
	REVIEW,

	/** After the review closes: the department decides and publishes. */
	DECISION;

	/** The phase of a batch with this schedule at {@code instant}. */
	public static BatchPhase at(BatchSchedule schedule, Instant instant) {
		if (after(instant, schedule.reviewCloses())) {
			return DECISION;
		}
		if (after(instant, schedule.applicationCloses())) {
			return REVIEW;
		}
		if (!instant.isBefore(schedule.applicationOpens())) {
			return APPLICATION;
		}
		if (after(instant, schedule.guideSubmissionCloses())) {
			return GUIDE_REVIEW;
		}
		if (!instant.isBefore(schedule.guideSubmissionOpens())) {
			return GUIDE_SUBMISSION;
		}
		return NOT_STARTED;
	}

	/**
	 * The schedule's field at which this phase begins, or empty for the first phase,
	 * which has no beginning.
	 */
	public Optional<String> startsAt() {
		return Optional.ofNullable(switch (this) {
			case NOT_STARTED -> null;
			case GUIDE_SUBMISSION -> "guideSubmissionOpens";
			case GUIDE_REVIEW -> "guideSubmissionCloses";
			case APPLICATION -> "applicationOpens";
			case REVIEW -> "applicationCloses";
			case DECISION -> "reviewCloses";
		});
	}

	/**
	 * The schedule's field at which this phase ends, or empty for the last phase, which
	 * does not end.
	 */
	public Optional<String> endsAt() {
		return Optional.ofNullable(switch (this) {
			case NOT_STARTED -> "guideSubmissionOpens";
			case GUIDE_SUBMISSION -> "guideSubmissionCloses";
			case GUIDE_REVIEW -> "applicationOpens";
			case APPLICATION -> "applicationCloses";
			case REVIEW -> "reviewCloses";
			case DECISION -> null;
		});
	}

	/**
	 * Whether {@code instant} lies past a window that closes with the second {@code end}.
	 */
	private static boolean after(Instant instant, Instant end) {
		return instant.truncatedTo(ChronoUnit.SECONDS).isAfter(end);
	}

}
