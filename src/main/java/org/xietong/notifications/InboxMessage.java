package org.xietong.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message in a user's inbox: a message key and its arguments, rendered in the
 * reader's language.
 */
public record InboxMessage(UUID id, String key, List<String> arguments, String link, Instant createdAt,
		Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
