package org.xietong.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * An application is still a draft (or returned) and the window closes soon: a reminder is
 * due, {@code daysBefore} days before {@code closesAt}.
 */
public record DraftDeadlineApproaching(UUID applicationId, UUID leaderId, String title, Instant closesAt,
		int daysBefore) {
}
