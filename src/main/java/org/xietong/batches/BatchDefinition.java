package org.xietong.batches;

import java.time.Instant;

/**
 * What the department says a batch is, to open it or to change it: checked whole, so that
 * every problem is reported at once. Omitted rules take the notice's values; an omitted
 * province is {@code JL}, an omitted time zone {@code Asia/Shanghai}.
 */
public record BatchDefinition(String code, String title, Integer year, String provinceCode, String timeZone,
		Instant guideSubmissionOpens, Instant guideSubmissionCloses, Instant applicationOpens,
		Instant applicationCloses, Instant reviewCloses, BatchRules.Overrides rules) {

	/** A batch in the default province and time zone, with the notice's rules. */
	public static BatchDefinition withNoticeRules(String code, String title, int year, BatchSchedule schedule) {
		return new BatchDefinition(code, title, year, null, null, schedule.guideSubmissionOpens(),
				schedule.guideSubmissionCloses(), schedule.applicationOpens(), schedule.applicationCloses(),
				schedule.reviewCloses(), BatchRules.Overrides.none());
	}

}
