package org.xietong.reviews;

import java.util.UUID;

/** An upheld objection sent a guide's selection back to its enterprise to redo. */
public record SelectionReopened(UUID guideId, UUID enterpriseId, String applicationTitle, String response) {
}
