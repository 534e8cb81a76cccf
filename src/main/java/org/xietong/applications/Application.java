package org.xietong.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.xietong.batches.ProjectType;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;

/**
 * An application, owning its transitions: each business verb checks the status table and
 * moves it on; nothing sets a status from outside.
 */
@Table("applications")
class Application {

	@Id
	private final UUID id;

	@Column("application_number")
	private String number;

	private final UUID batchId;

	private final int batchYear;

	private final UUID guideId;

	private final String guideTitle;

	private final UUID enterpriseId;

	private final String enterpriseName;

	private final ProjectType projectType;

	private final UUID leaderId;

	private final String leaderName;

	private final UUID universityId;

	private final String universityName;

	private String title;

	private String summary;

	private String plan;

	private String expectedOutcomes;

	@MappedCollection(idColumn = "application_id", keyColumn = "member_index")
	private List<TeamMember> team;

	@MappedCollection(idColumn = "application_id", keyColumn = "line_index")
	private List<BudgetLine> budget;

	private Money budgetTotal;

	private ApplicationStatus status;

	/**
	 * The guide while the application is live, null once withdrawn: a unique index on
	 * (leader, live guide) keeps one live application per teacher and guide.
	 */
	private UUID liveGuideId;

	private String returnReason;

	private String withdrawReason;

	private int submissionCount;

	private String searchText;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant submittedAt;

	private Instant endorsedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Application(UUID id, String number, UUID batchId, int batchYear, UUID guideId, String guideTitle, UUID enterpriseId,
			String enterpriseName, ProjectType projectType, UUID leaderId, String leaderName, UUID universityId,
			String universityName, String title, String summary, String plan, String expectedOutcomes,
			List<TeamMember> team, List<BudgetLine> budget, Money budgetTotal, ApplicationStatus status,
			UUID liveGuideId, String returnReason, String withdrawReason, int submissionCount, String searchText,
			Instant createdAt, Instant updatedAt, Instant submittedAt, Instant endorsedAt, Long version) {
		this.id = id;
		this.number = number;
		this.batchId = batchId;
		this.batchYear = batchYear;
		this.guideId = guideId;
		this.guideTitle = guideTitle;
		this.enterpriseId = enterpriseId;
		this.enterpriseName = enterpriseName;
		this.projectType = projectType;
		this.leaderId = leaderId;
		this.leaderName = leaderName;
		this.universityId = universityId;
		this.universityName = universityName;
		this.title = title;
		this.summary = summary;
		this.plan = plan;
		this.expectedOutcomes = expectedOutcomes;
		this.team = team;
		this.budget = budget;
		this.budgetTotal = budgetTotal;
		this.status = status;
		this.liveGuideId = liveGuideId;
		this.returnReason = returnReason;
		this.withdrawReason = withdrawReason;
		this.submissionCount = submissionCount;
		this.searchText = searchText;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.submittedAt = submittedAt;
		this.endorsedAt = endorsedAt;
		this.version = version;
	}

	/** A new draft of a teacher to a guide. */
	static Application draft(Applicant applicant, ApplyingTo guide, ApplicationContent content, Instant now) {
		Application application = new Application(UUID.randomUUID(), null, guide.batchId(), guide.batchYear(),
				guide.guideId(), guide.guideTitle(), guide.enterpriseId(), guide.enterpriseName(), guide.type(),
				applicant.teacherId(), applicant.name(), applicant.universityId(), applicant.universityName(), "", "",
				"", "", List.of(), List.of(), Money.ZERO, ApplicationStatus.DRAFT, guide.guideId(), null, null, 0, "",
				now, now, null, null, null);
		application.fill(content);
		return application;
	}

	/** Changes a draft or a returned application. */
	void edit(ApplicationContent content, Instant now) {
		requireEditable();
		fill(content);
		this.updatedAt = now;
	}

	void requireEditable() {
		if (!this.status.isEditable()) {
			throw DomainException.illegalTransition("an application in status " + this.status + " cannot be changed",
					this.status);
		}
	}

	/**
	 * Submits it: the first submission gives it its number; each one counts, for the
	 * receipt's number.
	 */
	void submit(String assignedNumber, Instant now) {
		move(ApplicationStatus.SUBMITTED);
		if (this.number == null) {
			this.number = assignedNumber;
		}
		this.submissionCount++;
		this.returnReason = null;
		this.submittedAt = now;
		this.updatedAt = now;
	}

	void endorse(Instant now) {
		move(ApplicationStatus.ENDORSED);
		this.endorsedAt = now;
		this.updatedAt = now;
	}

	void returnToLeader(String reason, Instant now) {
		move(ApplicationStatus.RETURNED);
		this.returnReason = reason;
		this.updatedAt = now;
	}

	/**
	 * Written outside the repository (a submission's own columns): now at
	 * {@code version}.
	 */
	void saved(long version) {
		this.version = version;
	}

	/** A step of the enterprise's review: under review, selected or not, recommended. */
	void review(ApplicationStatus next, Instant now) {
		move(next);
		this.updatedAt = now;
	}

	void withdraw(String reason, Instant now) {
		move(ApplicationStatus.WITHDRAWN);
		this.liveGuideId = null;
		this.withdrawReason = reason;
		this.updatedAt = now;
	}

	private void move(ApplicationStatus next) {
		if (!this.status.canMoveTo(next)) {
			throw DomainException
				.illegalTransition("an application in status " + this.status + " cannot become " + next, this.status);
		}
		this.status = next;
	}

	private void fill(ApplicationContent content) {
		this.title = content.title();
		this.summary = content.summary();
		this.plan = content.plan();
		this.expectedOutcomes = content.expectedOutcomes();
		this.team = content.team();
		this.budget = content.budget();
		this.budgetTotal = content.budgetTotal();
		this.searchText = String.join(" ", this.title, this.leaderName, this.guideTitle, this.enterpriseName)
			.toLowerCase(java.util.Locale.ROOT);
	}

	ApplicationContent content() {
		return new ApplicationContent(this.title, this.summary, this.plan, this.expectedOutcomes, this.team,
				this.budget);
	}

	UUID id() {
		return this.id;
	}

	String number() {
		return this.number;
	}

	UUID batchId() {
		return this.batchId;
	}

	int batchYear() {
		return this.batchYear;
	}

	UUID guideId() {
		return this.guideId;
	}

	UUID enterpriseId() {
		return this.enterpriseId;
	}

	ProjectType projectType() {
		return this.projectType;
	}

	UUID leaderId() {
		return this.leaderId;
	}

	UUID universityId() {
		return this.universityId;
	}

	String title() {
		return this.title;
	}

	ApplicationStatus status() {
		return this.status;
	}

	int submissionCount() {
		return this.submissionCount;
	}

	Instant submittedAt() {
		return this.submittedAt;
	}

	Long version() {
		return this.version;
	}

	ApplicationView view(List<AttachmentView> attachments) {
		return new ApplicationView(this.id, this.number, this.batchId, this.guideId, this.guideTitle, this.enterpriseId,
				this.enterpriseName, this.projectType, this.leaderId, this.leaderName, this.universityId,
				this.universityName, this.title, this.summary, this.plan, this.expectedOutcomes,
				this.team.stream()
					.map(m -> new ApplicationDetails.Member(m.name(), m.title(), m.organization(), m.memberRole()))
					.toList(),
				this.budget.stream().map(l -> new ApplicationDetails.Line(l.category(), l.amount())).toList(),
				this.budgetTotal, attachments, this.status, this.returnReason, this.withdrawReason,
				this.submissionCount, this.createdAt, this.updatedAt, this.submittedAt, this.endorsedAt,
				(this.version == null) ? 0 : this.version);
	}

}
