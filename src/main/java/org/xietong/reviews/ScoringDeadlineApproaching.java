package org.xietong.reviews;

import java.time.Instant;
import java.util.UUID;

/**
 * An expert's assignment is not submitted and scoring closes in {@code daysBefore} days.
 */
public record ScoringDeadlineApproaching(UUID assignmentId, UUID expertId, String applicationTitle, Instant deadline,
		int daysBefore) {
}
