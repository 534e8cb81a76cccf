package org.xietong.approvals;

import java.util.UUID;

/** Publication made an application a numbered project. */
public record ProjectApproved(UUID projectId, String number, UUID applicationId, UUID batchId, UUID leaderId,
		UUID universityId, UUID enterpriseId, String title, boolean key) {
}
