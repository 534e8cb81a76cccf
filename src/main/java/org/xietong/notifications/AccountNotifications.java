package org.xietong.notifications;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.PasswordSetupLinkIssued;
import org.xietong.accounts.PrivilegedAccountChanged;
import org.xietong.accounts.Role;

/**
 * Tells the audit administrators of every change to a privileged account, and mails a
 * one-time password link to its holder.
 */
@Component
class AccountNotifications {

	private final Inbox inbox;

	private final MailOutbox outbox;

	private final DateTimeFormatter time;

	AccountNotifications(Inbox inbox, MailOutbox outbox, Clock clock) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
	}

	@ApplicationModuleListener
	void on(PrivilegedAccountChanged event) {
		this.inbox.tellOrganization(null, Role.AUDIT_ADMIN, "inbox.PRIVILEGED_ACCOUNT_" + event.change(), "/audit",
				event.username(), event.role().name(), event.by());
	}

	/**
	 * Heard inside the transaction that issued the link, so that the mail is queued with
	 * it or not at all, and the link is never kept in the event registry. Never held for
	 * a digest: the holder has no other way in.
	 */
	@EventListener
	void on(PasswordSetupLinkIssued event) {
		this.outbox.enqueueNow(event.userId(), event.email(), "mail.PASSWORD_SETUP", event.link(), event.displayName(),
				event.username(), this.time.format(event.expiresAt()));
	}

}
