package org.xietong.reviews;

import java.time.Instant;
import java.util.UUID;

/** An expert was assigned to score an application by a deadline. */
public record ExpertAssigned(UUID assignmentId, UUID expertId, String applicationTitle, Instant deadline) {
}
