package org.xietong.guides;

import java.util.UUID;

/** The department approved a guide; it may go under a public notice. */
public record GuideApproved(UUID guideId, UUID enterpriseId) {
}
