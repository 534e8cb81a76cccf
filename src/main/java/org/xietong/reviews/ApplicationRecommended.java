package org.xietong.reviews;

import java.util.List;
import java.util.UUID;

/** The enterprise recommended an application to the department. */
public record ApplicationRecommended(UUID applicationId, UUID leaderId, UUID universityId, String title,
		List<UUID> expertIds) {
}
