package org.xietong.applications;

import java.util.UUID;

/**
 * Its leader withdrew an application; {@code universityId} is set when the university had
 * it (it was submitted), {@code enterpriseId} when the enterprise had it (endorsed).
 */
public record ApplicationWithdrawn(UUID applicationId, UUID leaderId, String title, UUID universityId,
		UUID enterpriseId) {
}
