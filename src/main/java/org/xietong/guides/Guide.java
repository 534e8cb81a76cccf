package org.xietong.guides;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.xietong.batches.ProjectType;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;

/**
 * A guide, owning its transitions: each business verb checks the status table and moves
 * the guide on; nothing sets a status from outside.
 */
@Table("guides")
class Guide {

	@Id
	private final UUID id;

	private final UUID batchId;

	private final UUID enterpriseId;

	private String enterpriseName;

	private ProjectType projectType;

	private String title;

	private String direction;

	private String industry;

	private String description;

	private String requirements;

	private int projectsOffered;

	private Money cashPerProject;

	private Money hardwareSoftwarePerProject;

	private String contactName;

	private String contactPhone;

	private String contactEmail;

	private GuideStatus status;

	private String returnReason;

	private String revokeReason;

	private String searchText;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant submittedAt;

	private Instant reviewedAt;

	private Instant publishedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Guide(UUID id, UUID batchId, UUID enterpriseId, String enterpriseName, ProjectType projectType, String title,
			String direction, String industry, String description, String requirements, int projectsOffered,
			Money cashPerProject, Money hardwareSoftwarePerProject, String contactName, String contactPhone,
			String contactEmail, GuideStatus status, String returnReason, String revokeReason, String searchText,
			Instant createdAt, Instant updatedAt, Instant submittedAt, Instant reviewedAt, Instant publishedAt,
			Long version) {
		this.id = id;
		this.batchId = batchId;
		this.enterpriseId = enterpriseId;
		this.enterpriseName = enterpriseName;
		this.projectType = projectType;
		this.title = title;
		this.direction = direction;
		this.industry = industry;
		this.description = description;
		this.requirements = requirements;
		this.projectsOffered = projectsOffered;
		this.cashPerProject = cashPerProject;
		this.hardwareSoftwarePerProject = hardwareSoftwarePerProject;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.contactEmail = contactEmail;
		this.status = status;
		this.returnReason = returnReason;
		this.revokeReason = revokeReason;
		this.searchText = searchText;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.submittedAt = submittedAt;
		this.reviewedAt = reviewedAt;
		this.publishedAt = publishedAt;
		this.version = version;
	}

	/** A new draft of an enterprise in a batch. */
	static Guide draft(UUID batchId, UUID enterpriseId, String enterpriseName, GuideContent content, Instant now) {
		Guide guide = new Guide(UUID.randomUUID(), batchId, enterpriseId, enterpriseName, null, null, null, null, null,
				null, 0, null, null, null, null, null, GuideStatus.DRAFT, null, null, null, now, now, null, null, null,
				null);
		guide.fill(content, enterpriseName);
		return guide;
	}

	/** Changes a draft or a returned guide. */
	void edit(GuideContent content, String currentEnterpriseName, Instant now) {
		if (!this.status.isEditable()) {
			throw DomainException.illegalTransition("a guide in status " + this.status + " cannot be changed");
		}
		fill(content, currentEnterpriseName);
		this.updatedAt = now;
	}

	void submit(Instant now) {
		move(GuideStatus.SUBMITTED, now);
		this.submittedAt = now;
	}

	void approve(Instant now) {
		move(GuideStatus.APPROVED, now);
		this.reviewedAt = now;
		this.returnReason = null;
	}

	void returnForCorrection(String reason, Instant now) {
		move(GuideStatus.RETURNED, now);
		this.reviewedAt = now;
		this.returnReason = reason;
	}

	void putUnderNotice(Instant now) {
		move(GuideStatus.IN_NOTICE, now);
	}

	void publish(Instant now) {
		move(GuideStatus.PUBLISHED, now);
		this.publishedAt = now;
	}

	void revoke(String reason, Instant now) {
		move(GuideStatus.REVOKED, now);
		this.revokeReason = reason;
	}

	void withdraw(Instant now) {
		move(GuideStatus.WITHDRAWN, now);
	}

	private void move(GuideStatus next, Instant now) {
		if (!this.status.canMoveTo(next)) {
			throw DomainException.illegalTransition("a guide in status " + this.status + " cannot become " + next);
		}
		this.status = next;
		this.updatedAt = now;
	}

	private void fill(GuideContent content, String enterpriseName) {
		this.enterpriseName = enterpriseName;
		this.projectType = content.type();
		this.title = content.title();
		this.direction = content.direction();
		this.industry = content.industry();
		this.description = content.description();
		this.requirements = content.requirements();
		this.projectsOffered = content.projectsOffered();
		this.cashPerProject = content.cashPerProject();
		this.hardwareSoftwarePerProject = content.hardwareSoftwarePerProject();
		this.contactName = content.contactName();
		this.contactPhone = content.contactPhone();
		this.contactEmail = content.contactEmail();
		this.searchText = content.searchText(enterpriseName);
	}

	GuideContent content() {
		return new GuideContent(this.projectType, this.title, this.direction, this.industry, this.description,
				this.requirements, this.projectsOffered, this.cashPerProject, this.hardwareSoftwarePerProject,
				this.contactName, this.contactPhone, this.contactEmail);
	}

	EnterpriseCashMinimum.Contribution contribution() {
		return new EnterpriseCashMinimum.Contribution(this.id, this.status, this.projectsOffered, this.cashPerProject);
	}

	GuideView view() {
		return new GuideView(this.id, this.batchId, this.enterpriseId, this.enterpriseName, this.projectType,
				this.title, this.direction, this.industry, this.description, this.requirements, this.projectsOffered,
				this.cashPerProject, this.hardwareSoftwarePerProject,
				EnterpriseCashMinimum.cashOf(this.projectsOffered, this.cashPerProject),
				new GuideDetails.Contact(this.contactName, this.contactPhone, this.contactEmail), this.status,
				this.returnReason, this.revokeReason, this.createdAt, this.updatedAt, this.submittedAt, this.reviewedAt,
				this.publishedAt, (this.version == null) ? 0 : this.version);
	}

	UUID id() {
		return this.id;
	}

	UUID batchId() {
		return this.batchId;
	}

	UUID enterpriseId() {
		return this.enterpriseId;
	}

	String title() {
		return this.title;
	}

	GuideStatus status() {
		return this.status;
	}

	Long version() {
		return this.version;
	}

}
