package org.xietong.applications;

import java.util.UUID;

/** The university endorsed an application: it now reaches the guide's enterprise. */
public record ApplicationEndorsed(UUID applicationId, UUID leaderId, UUID enterpriseId, String title) {
}
