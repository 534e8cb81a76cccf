package org.xietong.applications;

import java.util.UUID;

/** The university returned an application to its leader with a reason. */
public record ApplicationReturned(UUID applicationId, UUID leaderId, String title, String reason) {
}
