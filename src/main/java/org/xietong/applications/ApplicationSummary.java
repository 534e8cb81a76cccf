package org.xietong.applications;

import java.time.Instant;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/** An application as lists show it. */
public record ApplicationSummary(UUID id, String number, UUID batchId, UUID guideId, String guideTitle,
		UUID enterpriseId, String enterpriseName, ProjectType type, UUID leaderId, String leaderName, UUID universityId,
		String universityName, String title, Money budgetTotal, ApplicationStatus status, Instant createdAt,
		Instant updatedAt, Instant submittedAt, Instant endorsedAt, long version) {
}
