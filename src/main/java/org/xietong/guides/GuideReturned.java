package org.xietong.guides;

import java.util.UUID;

/**
 * The department returned a guide to its enterprise, which corrects it and submits it
 * again.
 */
public record GuideReturned(UUID guideId, UUID enterpriseId, String reason) {
}
