package org.xietong.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserQuery;
import org.xietong.accounts.UserView;
import org.xietong.shared.DomainException;
import org.xietong.shared.EventDeliveries;
import org.xietong.shared.PageResult;

/**
 * Every user's in-app inbox; each message also goes out by e-mail to a user who has an
 * address.
 */
@Service
public class Inbox {

	private static final String SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Clock clock;

	private final MailOutbox outbox;

	private final EventDeliveries deliveries;

	Inbox(JdbcClient jdbc, UserManagement users, Clock clock, MailOutbox outbox, EventDeliveries deliveries) {
		this.outbox = outbox;
		this.deliveries = deliveries;
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Tells one user. Inside an event listener, once per event: a second delivery of the
	 * same event publication finds the message there and writes neither it nor its mail.
	 */
	@Transactional
	public void tell(UUID userId, String key, String link, String... arguments) {
		for (String argument : arguments) {
			if (argument != null && argument.contains(SEPARATOR)) {
				throw new IllegalArgumentException("an argument may not contain U+001F");
			}
		}
		UUID dedupKey = this.deliveries.current()
			.map(publication -> UUID.nameUUIDFromBytes(
					String.join(SEPARATOR, publication.toString(), userId.toString(), key, String.valueOf(link))
						.getBytes(StandardCharsets.UTF_8)))
			.orElse(null);
		int written = this.jdbc.sql("""
				INSERT INTO inbox_messages (id, recipient_id, message_key, arguments, link, created_at, dedup_key)
				VALUES (:id, :recipient, :key, :arguments, :link, :at, :dedup)
				ON CONFLICT (dedup_key) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("recipient", userId)
			.param("key", key)
			.param("arguments", String.join(SEPARATOR, Arrays.stream(arguments).map(a -> a == null ? "" : a).toList()))
			.param("link", link)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("dedup", dedupKey)
			.update();
		if (written == 0) {
			return;
		}
		this.users.find(userId)
			.map(UserView::email)
			.filter(email -> email != null && !email.isBlank())
			.ifPresent(email -> this.outbox.enqueue(userId, email, key, link, arguments));
	}

	/** Tells every active user of an organisation with the given role. */
	@Transactional
	public int tellOrganization(UUID organizationId, Role role, String key, String link, String... arguments) {
		int told = 0;
		int page = 0;
		PageResult<UserView> batch;
		do {
			batch = this.users.search(new UserQuery(role, organizationId, null), page++, PageResult.MAX_SIZE);
			for (UserView user : batch.items()) {
				if (user.enabled()) {
					tell(user.id(), key, link, arguments);
					told++;
				}
			}
		}
		while (batch.hasNext());
		return told;
	}

	@Transactional(readOnly = true)
	public PageResult<InboxMessage> messages(UUID userId, boolean unreadOnly, int page, int size) {
		PageResult.check(page, size);
		String where = " WHERE recipient_id = :user" + (unreadOnly ? " AND read_at IS NULL" : "");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM inbox_messages" + where)
			.param("user", userId)
			.query(Long.class)
			.single();
		List<InboxMessage> items = this.jdbc
			.sql("SELECT * FROM inbox_messages" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("user", userId)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new InboxMessage(rs.getObject("id", UUID.class), rs.getString("message_key"),
					rs.getString("arguments").isEmpty() ? List.of()
							: Arrays.asList(rs.getString("arguments").split(SEPARATOR, -1)),
					rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("read_at", OffsetDateTime.class) == null ? null
							: rs.getObject("read_at", OffsetDateTime.class).toInstant()))
			.list();
		return new PageResult<>(items, page, size, total);
	}

	@Transactional(readOnly = true)
	public long unreadCount(UUID userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbox_messages WHERE recipient_id = :user AND read_at IS NULL")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** Marks one message read; another user's message does not exist. */
	@Transactional
	public void markRead(UUID userId, UUID messageId) {
		int updated = this.jdbc.sql("""
				UPDATE inbox_messages SET read_at = COALESCE(read_at, :at) WHERE id = :id AND recipient_id = :user""")
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("id", messageId)
			.param("user", userId)
			.update();
		if (updated == 0) {
			throw DomainException.notFound("message");
		}
	}

	@Transactional
	public int markAllRead(UUID userId) {
		return this.jdbc.sql("UPDATE inbox_messages SET read_at = :at WHERE recipient_id = :user AND read_at IS NULL")
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("user", userId)
			.update();
	}

}
