package org.xietong.guides;

import java.util.UUID;

/**
 * An objection against a guide was upheld: the guide is revoked and can never receive
 * applications.
 */
public record GuideRevoked(UUID guideId, UUID enterpriseId, String reason) {
}
