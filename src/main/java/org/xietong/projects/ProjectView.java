package org.xietong.projects;

import java.time.Instant;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * A project as the API, the pages and other modules see it: its number, what was approved
 * (the guide's cash and hardware/software per project, general or key) and where it
 * stands. {@code sequence} is its place under its number's prefix; {@code endsOn} is the
 * agreement's end date (moved by an extension), once the agreement is confirmed.
 */
public record ProjectView(UUID id, String number, UUID batchId, int sequence, UUID applicationId,
		String applicationNumber, UUID guideId, String guideTitle, UUID enterpriseId, String enterpriseName,
		UUID universityId, String universityName, UUID leaderId, String leaderName, String title, ProjectType type,
		Money cash, Money hardwareSoftware, boolean key, ProjectStatus status, java.time.LocalDate endsOn,
		Instant approvedAt, Instant updatedAt, long version, boolean overdue) {

	/** The same project, flagged as past its end date without a completion request. */
	ProjectView flaggedOverdue() {
		return new ProjectView(this.id, this.number, this.batchId, this.sequence, this.applicationId,
				this.applicationNumber, this.guideId, this.guideTitle, this.enterpriseId, this.enterpriseName,
				this.universityId, this.universityName, this.leaderId, this.leaderName, this.title, this.type,
				this.cash, this.hardwareSoftware, this.key, this.status, this.endsOn, this.approvedAt, this.updatedAt,
				this.version, true);
	}

}
