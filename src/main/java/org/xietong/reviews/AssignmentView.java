package org.xietong.reviews;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One expert's assignment to one application: its status, the scores given (a draft until
 * submitted) and the comment.
 */
public record AssignmentView(UUID id, UUID applicationId, String applicationTitle, UUID guideId, UUID expertId,
		String expertName, String status, String declineReason, List<Score> scores, String comment, Instant assignedAt,
		Instant submittedAt, Instant scoringDeadline, long version) {

	/** A criterion's score. */
	public record Score(String criterion, BigDecimal score) {
	}

}
