package org.xietong.reviews;

import java.util.UUID;

/** An expert declined an assignment: the enterprise assigns another. */
public record AssignmentDeclined(UUID assignmentId, UUID guideId, UUID enterpriseId, String expertName,
		String applicationTitle, String reason) {
}
