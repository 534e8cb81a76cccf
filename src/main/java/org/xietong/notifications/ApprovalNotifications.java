package org.xietong.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.Role;
import org.xietong.approvals.ApplicationRejectedAtApproval;
import org.xietong.approvals.ApprovalListPublished;
import org.xietong.approvals.ProjectApproved;

/**
 * Tells the leader, its university and the enterprise what publication of the approval
 * list decided: the project and its number, or the reason it was not approved.
 */
@Component
class ApprovalNotifications {

	private final Inbox inbox;

	ApprovalNotifications(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * A part of a publication, told in one transaction: a failure retries the whole part,
	 * and the inbox's deduplication keeps the messages already written from doubling.
	 */
	@ApplicationModuleListener
	void on(ApprovalListPublished event) {
		event.approved().forEach(this::on);
		event.rejected().forEach(this::on);
	}

	private void on(ProjectApproved event) {
		String link = "/projects/" + event.projectId();
		this.inbox.tell(event.leaderId(), "inbox.PROJECT_APPROVED", link, event.title(), event.number());
		this.inbox.tellOrganization(event.universityId(), Role.UNIVERSITY_ADMIN, "inbox.PROJECT_APPROVED_UNIVERSITY",
				link, event.title(), event.number());
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox.PROJECT_APPROVED_ENTERPRISE",
				link, event.title(), event.number());
	}

	private void on(ApplicationRejectedAtApproval event) {
		String link = "/applications/" + event.applicationId();
		this.inbox.tell(event.leaderId(), "inbox.APPLICATION_REJECTED_AT_APPROVAL", link, event.title(),
				event.reason());
		this.inbox.tellOrganization(event.universityId(), Role.UNIVERSITY_ADMIN,
				"inbox.APPLICATION_REJECTED_AT_APPROVAL", link, event.title(), event.reason());
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT,
				"inbox.APPLICATION_REJECTED_AT_APPROVAL", link, event.title(), event.reason());
	}

}
