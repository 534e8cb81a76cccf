package org.xietong.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.Role;
import org.xietong.organizations.EnterpriseReviewed;

/** Tells an enterprise's contacts of the department's decisions on their registration. */
@Component
class EnterpriseNotifications {

	private final Inbox inbox;

	EnterpriseNotifications(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(EnterpriseReviewed event) {
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox." + event.action(),
				"/enterprise", event.enterpriseName(), event.reason() == null ? "" : event.reason());
	}

}
