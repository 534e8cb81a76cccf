package org.xietong.approvals;

import java.util.UUID;

/** Publication made the department's rejection of a recommended application final. */
public record ApplicationRejectedAtApproval(UUID applicationId, UUID batchId, UUID leaderId, UUID universityId,
		UUID enterpriseId, String title, String reason) {
}
