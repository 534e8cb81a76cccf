package org.xietong.notifications;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.Role;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.projects.ProjectStep;

/**
 * Tells the parties of a project what its last step asks of them: the university to check
 * an agreement or a completion request, the enterprise to confirm, to decide on a change
 * or to organise acceptance, the department to decide on a change, the expert its
 * acceptance task, the leader every answer.
 */
@Component
class ProjectNotifications {

	private final Inbox inbox;

	private final OrganizationManagement organizations;

	ProjectNotifications(Inbox inbox, OrganizationManagement organizations) {
		this.inbox = inbox;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(ProjectStep step) {
		String key = "inbox.project." + step.action();
		String link = "/projects/" + step.projectId();
		String[] args = { step.number(), step.title(), step.detail() };
		switch (step.action()) {
			case "AGREEMENT_SUBMITTED", "COMPLETION_REQUESTED", "FUNDS_PAID" -> university(step, key, link, args);
			case "AGREEMENT_CHECKED", "CHANGE_REQUESTED", "COMPLETION_CONSENTED", "FUNDS_CONFIRMED" ->
				enterprise(step, key, link, args);
			case "CHANGE_APPROVED_BY_ENTERPRISE" -> {
				this.inbox.tellOrganization(this.organizations.departmentId(), Role.DEPARTMENT_OFFICER, key, link,
						args);
				leader(step, key, link, args);
			}
			case "AGREEMENT_RETURNED", "CHANGE_APPROVED", "CHANGE_REJECTED", "COMPLETION_RETURNED",
					"AGREEMENT_DUE_SOON" ->
				leader(step, key, link, args);
			case "AGREEMENT_CONFIRMED", "ACCEPTANCE_CONCLUDED", "AGREEMENT_OVERDUE" -> {
				leader(step, key, link, args);
				university(step, key, link, args);
			}
			case "COMPLETED" -> {
				leader(step, key, link, args);
				university(step, key, link, args);
				enterprise(step, key, link, args);
			}
			case "ACCEPTANCE_EXPERT_ASSIGNED" -> person(step.personId(), key, "/expert/acceptance", args);
			default -> {
				// Steps that ask nothing of anyone (an expert's own conclusion) are in
				// the
				// history only.
			}
		}
	}

	private void leader(ProjectStep step, String key, String link, String[] args) {
		this.inbox.tell(step.leaderId(), key, link, args);
	}

	private void university(ProjectStep step, String key, String link, String[] args) {
		this.inbox.tellOrganization(step.universityId(), Role.UNIVERSITY_ADMIN, key, link, args);
	}

	private void enterprise(ProjectStep step, String key, String link, String[] args) {
		this.inbox.tellOrganization(step.enterpriseId(), Role.ENTERPRISE_CONTACT, key, link, args);
	}

	private void person(UUID personId, String key, String link, String[] args) {
		if (personId != null) {
			this.inbox.tell(personId, key, link, args);
		}
	}

}
