package org.xietong.batches;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A batch as other modules and the API see it: its schedule and rules, read in its time
 * zone.
 */
public record BatchView(UUID id, String code, String title, int year, String provinceCode, ZoneId timeZone,
		BatchSchedule schedule, BatchRules rules, Instant createdAt, Instant updatedAt, long version) {

	/** The phase the batch is in at {@code instant}. */
	public BatchPhase phaseAt(Instant instant) {
		return this.schedule.phaseAt(instant);
	}

	/** The milestone that ends the phase of {@code instant}; empty once review closed. */
	public Optional<BatchSchedule.Deadline> nextDeadlineAfter(Instant instant) {
		return this.schedule.nextDeadlineAfter(instant);
	}

}
