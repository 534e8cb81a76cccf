package org.xietong.batches.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.xietong.batches.BatchPhase;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchView;

/**
 * A batch as the API answers it: instants with the batch's offset, money as strings, the
 * current phase and the next deadline by the platform's clock.
 */
record BatchResource(UUID id, String code, String title, int year, String provinceCode, String timeZone,
		Schedule schedule, BatchRules rules, BatchPhase currentPhase,
		@Schema(description = "the milestone that ends the current phase; null once the review has closed",
				nullable = true) NextDeadline nextDeadline,
		long version) {

	static BatchResource of(BatchView batch, Instant now) {
		ZoneId zone = batch.timeZone();
		var s = batch.schedule();
		return new BatchResource(batch.id(), batch.code(), batch.title(), batch.year(), batch.provinceCode(),
				zone.getId(),
				new Schedule(BatchTimes.iso(s.guideSubmissionOpens(), zone),
						BatchTimes.iso(s.guideSubmissionCloses(), zone), BatchTimes.iso(s.applicationOpens(), zone),
						BatchTimes.iso(s.applicationCloses(), zone), BatchTimes.iso(s.reviewCloses(), zone)),
				batch.rules(), batch.phaseAt(now),
				batch.nextDeadlineAfter(now)
					.map(deadline -> new NextDeadline(deadline.name(), BatchTimes.iso(deadline.at(), zone)))
					.orElse(null),
				batch.version());
	}

	/** The five milestones; each window's end is inclusive to the second. */
	record Schedule(@Schema(format = "date-time", example = "2024-09-01T00:00:00+08:00") String guideSubmissionOpens,
			@Schema(format = "date-time", example = "2024-09-20T23:59:59+08:00") String guideSubmissionCloses,
			@Schema(format = "date-time", example = "2024-10-25T00:00:00+08:00") String applicationOpens,
			@Schema(format = "date-time", example = "2024-11-01T23:59:59+08:00") String applicationCloses,
			@Schema(format = "date-time", example = "2024-12-15T23:59:59+08:00") String reviewCloses) {
	}

	/** The next milestone: its name in {@code schedule} and when. */
	record NextDeadline(@Schema(example = "applicationCloses") String name,
			@Schema(format = "date-time", example = "2024-11-01T23:59:59+08:00") String at) {
	}

}
