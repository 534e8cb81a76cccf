package org.xietong.projects.web;

import java.util.List;
import java.util.UUID;

import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.projects.AgreementView;
import org.xietong.projects.ChangeRequests;
import org.xietong.projects.Completions;
import org.xietong.projects.ProjectStatus;
import org.xietong.projects.ProjectView;

/**
 * The actions the user may take on the project now, by who it is to the project and where
 * the project, its agreement and its completion stand: the page offers these and nothing
 * else.
 */
public record ProjectActions(Parties parties, boolean submitAgreement, boolean checkAgreement, boolean confirmAgreement,
		boolean requestChange, boolean submitCompletion, boolean consentCompletion, boolean assignExpert,
		boolean concludeAcceptance, int waitingExperts) {

	/** Who the user is to the project. */
	public record Parties(boolean leader, boolean university, boolean enterprise, boolean department) {

		static Parties of(CurrentUser user, ProjectView project) {
			if (user == null) {
				return new Parties(false, false, false, false);
			}
			UUID organization = user.organizationId();
			return new Parties(user.has(Role.TEACHER) && project.leaderId().equals(user.id()),
					user.has(Role.UNIVERSITY_ADMIN) && project.universityId().equals(organization),
					user.has(Role.ENTERPRISE_CONTACT) && project.enterpriseId().equals(organization),
					user.has(Role.DEPARTMENT_OFFICER));
		}

	}

	static ProjectActions of(Parties parties, ProjectView project, AgreementView agreement,
			Completions.CompletionView completion, List<Completions.AcceptanceAssignment> assignments) {
		ProjectStatus status = project.status();
		String agreed = (agreement == null) ? "" : agreement.status();
		boolean approved = status == ProjectStatus.APPROVED;
		boolean open = completion != null && completion.conclusion() == null;
		List<Completions.AcceptanceAssignment> current = (completion == null) ? List.of()
				: assignments.stream().filter(a -> a.attempt() == completion.attempt()).toList();
		int waiting = (int) current.stream().filter(a -> a.concludedAt() == null).count();
		return new ProjectActions(parties,
				parties.leader() && approved && (agreement == null || "RETURNED".equals(agreed)),
				parties.university() && approved && "SUBMITTED".equals(agreed),
				parties.enterprise() && approved && "CHECKED".equals(agreed),
				parties.leader() && status == ProjectStatus.IN_PROGRESS,
				parties.leader() && (status == ProjectStatus.IN_PROGRESS || status == ProjectStatus.RECTIFYING),
				parties.university() && status == ProjectStatus.COMPLETION_REQUESTED,
				parties.enterprise() && open
						&& (status == ProjectStatus.COMPLETION_CONSENTED || status == ProjectStatus.UNDER_ACCEPTANCE),
				parties.enterprise() && open && status == ProjectStatus.UNDER_ACCEPTANCE && !current.isEmpty()
						&& waiting == 0,
				waiting);
	}

	/**
	 * Whether the user decides this change now: the enterprise first, the department
	 * then.
	 */
	public boolean decides(ChangeRequests.ChangeView change) {
		return (this.parties.enterprise() && "REQUESTED".equals(change.status()))
				|| (this.parties.department() && "ENTERPRISE_APPROVED".equals(change.status()));
	}

	/**
	 * Whether the enterprise records payments now: its project runs under a confirmed
	 * agreement.
	 */
	public boolean recordsPayments(ProjectView project, AgreementView agreement) {
		return this.parties.enterprise() && agreement != null && "CONFIRMED".equals(agreement.status())
				&& switch (project.status()) {
					case IN_PROGRESS, COMPLETION_REQUESTED, COMPLETION_CONSENTED, UNDER_ACCEPTANCE, RECTIFYING -> true;
					case APPROVED, COMPLETED, FAILED, TERMINATED -> false;
				};
	}

	/** Whether the user confirms this payment's receipt now. */
	public boolean confirms(org.xietong.projects.ProjectFunds.Disbursement payment) {
		return this.parties.university() && !payment.confirmed();
	}

	/** Whether any action at all is open to the user. */
	public boolean any(List<ChangeRequests.ChangeView> changes) {
		return this.submitAgreement || this.checkAgreement || this.confirmAgreement || this.requestChange
				|| this.submitCompletion || this.consentCompletion || this.assignExpert || this.concludeAcceptance
				|| changes.stream().anyMatch(this::decides);
	}

}
