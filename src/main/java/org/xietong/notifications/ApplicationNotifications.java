package org.xietong.notifications;

import java.time.format.DateTimeFormatter;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationEndorsed;
import org.xietong.applications.ApplicationReturned;
import org.xietong.applications.ApplicationSubmitted;
import org.xietong.applications.ApplicationWithdrawn;
import org.xietong.applications.DraftDeadlineApproaching;
import org.xietong.shared.XietongProperties;

/**
 * Tells the people an application concerns of each step: its leader, the university's
 * administrators who endorse it, the enterprise's contacts once it reaches them.
 */
@Component
class ApplicationNotifications {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Inbox inbox;

	private final XietongProperties properties;

	ApplicationNotifications(Inbox inbox, XietongProperties properties) {
		this.inbox = inbox;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted event) {
		String link = link(event.applicationId());
		this.inbox.tell(event.leaderId(), "inbox.APPLICATION_SUBMITTED", link, event.title(), event.receiptNumber());
		this.inbox.tellOrganization(event.universityId(), Role.UNIVERSITY_ADMIN, "inbox.APPLICATION_TO_ENDORSE", link,
				event.title());
	}

	@ApplicationModuleListener
	void on(ApplicationEndorsed event) {
		String link = link(event.applicationId());
		this.inbox.tell(event.leaderId(), "inbox.APPLICATION_ENDORSED", link, event.title());
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox.APPLICATION_RECEIVED", link,
				event.title());
	}

	@ApplicationModuleListener
	void on(ApplicationReturned event) {
		this.inbox.tell(event.leaderId(), "inbox.APPLICATION_RETURNED", link(event.applicationId()), event.title(),
				event.reason());
	}

	@ApplicationModuleListener
	void on(ApplicationWithdrawn event) {
		String link = link(event.applicationId());
		if (event.universityId() != null) {
			this.inbox.tellOrganization(event.universityId(), Role.UNIVERSITY_ADMIN, "inbox.APPLICATION_WITHDRAWN",
					link, event.title());
		}
		if (event.enterpriseId() != null) {
			this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox.APPLICATION_WITHDRAWN",
					link, event.title());
		}
	}

	@ApplicationModuleListener
	void on(DraftDeadlineApproaching event) {
		this.inbox.tell(event.leaderId(), "inbox.APPLICATION_DEADLINE", link(event.applicationId()), event.title(),
				SHOWN.format(event.closesAt().atZone(this.properties.timeZone())),
				Integer.toString(event.daysBefore()));
	}

	private static String link(java.util.UUID applicationId) {
		return "/applications/" + applicationId;
	}

}
