package org.xietong.applications;

import java.util.UUID;

/** An application was submitted (again) inside the window; its receipt was issued. */
public record ApplicationSubmitted(UUID applicationId, UUID leaderId, UUID universityId, String title,
		String receiptNumber) {
}
