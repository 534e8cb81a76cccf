package org.xietong.reviews;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How the applications to a guide are reviewed.
 *
 * @param criteria the criteria, weights summing to 100
 * @param expertsPerApplication how many experts score each application
 * @param scoringDeadline by when the experts score
 * @param disagreementMargin how far (in points of 100) experts' totals may lie apart
 * before the ranking flags the application
 * @param maxPerExpert the most applications one expert scores in the batch
 */
public record ReviewPlan(UUID guideId, UUID batchId, UUID enterpriseId, List<Criterion> criteria,
		int expertsPerApplication, Instant scoringDeadline, BigDecimal disagreementMargin, int maxPerExpert,
		Instant updatedAt, long version) {
}
