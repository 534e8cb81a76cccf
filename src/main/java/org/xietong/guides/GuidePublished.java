package org.xietong.guides;

import java.util.UUID;

/**
 * A guide left its public notice standing and is in the catalogue: teachers may apply to
 * it.
 */
public record GuidePublished(UUID guideId, UUID enterpriseId) {
}
