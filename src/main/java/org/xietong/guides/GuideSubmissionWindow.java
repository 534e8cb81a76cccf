package org.xietong.guides;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.xietong.batches.BatchView;

/**
 * When enterprises may submit their guides in a batch: from its opening instant to the
 * end of its closing second, read in the batch's time zone.
 */
public record GuideSubmissionWindow(Instant opens, Instant closes, ZoneId timeZone) {

	public static GuideSubmissionWindow of(BatchView batch) {
		return new GuideSubmissionWindow(batch.schedule().guideSubmissionOpens(),
				batch.schedule().guideSubmissionCloses(), batch.timeZone());
	}

	/** Whether submission is open at {@code instant}; the closing second is inside. */
	public boolean isOpenAt(Instant instant) {
		return !instant.isBefore(this.opens) && !instant.truncatedTo(ChronoUnit.SECONDS).isAfter(this.closes);
	}

	/** Whether the window lies ahead of {@code instant}. */
	public boolean isAheadOf(Instant instant) {
		return instant.isBefore(this.opens);
	}

}
