package org.xietong.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * An application as the API, the pages and other modules see it. {@code number} is given
 * at the first submission; {@code budgetTotal} is the sum of the budget lines.
 */
public record ApplicationView(UUID id, String number, UUID batchId, UUID guideId, String guideTitle, UUID enterpriseId,
		String enterpriseName, ProjectType type, UUID leaderId, String leaderName, UUID universityId,
		String universityName, String title, String summary, String plan, String expectedOutcomes,
		List<ApplicationDetails.Member> team, List<ApplicationDetails.Line> budget, Money budgetTotal,
		List<AttachmentView> attachments, ApplicationStatus status, String returnReason, String withdrawReason,
		int submissionCount, Instant createdAt, Instant updatedAt, Instant submittedAt, Instant endorsedAt,
		long version) {
}
