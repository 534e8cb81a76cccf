package org.xietong.guides;

import java.time.Instant;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * A guide as the API, the pages and other modules see it. {@code cashTotal} is projects
 * offered × cash per project, what counts toward the enterprise's minimum.
 */
public record GuideView(UUID id, UUID batchId, UUID enterpriseId, String enterpriseName, ProjectType type, String title,
		String direction, String industry, String description, String requirements, int projectsOffered,
		Money cashPerProject, Money hardwareSoftwarePerProject, Money cashTotal, GuideDetails.Contact contact,
		GuideStatus status, String returnReason, String revokeReason, Instant createdAt, Instant updatedAt,
		Instant submittedAt, Instant reviewedAt, Instant publishedAt, long version) {

	/** The same guide as the public sees it: without the department's return reason. */
	public GuideView forPublic() {
		return new GuideView(this.id, this.batchId, this.enterpriseId, this.enterpriseName, this.type, this.title,
				this.direction, this.industry, this.description, this.requirements, this.projectsOffered,
				this.cashPerProject, this.hardwareSoftwarePerProject, this.cashTotal, this.contact, this.status, null,
				this.revokeReason, this.createdAt, this.updatedAt, this.submittedAt, this.reviewedAt, this.publishedAt,
				this.version);
	}

}
