package org.xietong.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.notifications.MailComposer.Item;
import org.xietong.notifications.MailComposer.Letter;
import org.xietong.shared.Languages;

/**
 * E-mail that waits in the database until the SMTP server takes it: written with the
 * message that causes it, sent by {@link #dispatch()} every half minute, retried with a
 * growing pause, given up after {@value #MAX_ATTEMPTS} attempts. Several instances may
 * dispatch at once: each claims its own rows for a lease
 * ({@code xietong.mail.claim-lease}, renewed before each message), and rows whose lease
 * ran out, their instance gone, are claimed again: a mail goes out at least once, and
 * once unless an instance dies between the server's answer and the row's update. Mail for
 * a user who chose the daily digest is held for {@link MailDigests}.
 */
@Component
public class MailOutbox {

	static final int MAX_ATTEMPTS = 6;

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final String SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	private final NotificationPreferences preferences;

	private final MailComposer composer;

	private final Clock clock;

	private final String from;

	private final String instance;

	private final Duration lease;

	MailOutbox(JdbcClient jdbc, JavaMailSender mail, MessageSource messages, NotificationPreferences preferences,
			Clock clock, @Value("${xietong.mail.from}") String from, @Value("${xietong.base-url}") String baseUrl,
			@Value("${xietong.mail.claim-lease:PT5M}") Duration lease) {
		this.lease = lease;
		this.jdbc = jdbc;
		this.mail = mail;
		this.preferences = preferences;
		this.composer = new MailComposer(messages, baseUrl, clock.getZone());
		this.clock = clock;
		this.from = from;
		this.instance = instanceName();
	}

	@Transactional
	void enqueue(UUID recipientId, String address, String key, String link, String... arguments) {
		insert(recipientId, address, this.preferences.get(recipientId).dailyDigest() ? "HELD" : "PENDING", key, link,
				arguments);
	}

	/** Queues a message that no digest may hold back. */
	@Transactional
	void enqueueNow(UUID recipientId, String address, String key, String link, String... arguments) {
		insert(recipientId, address, "PENDING", key, link, arguments);
	}

	private void insert(UUID recipientId, String address, String status, String key, String link, String... arguments) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient_id, to_address, message_key, arguments, link, status, attempts,
				  created_at, next_attempt_at)
				VALUES (:id, :recipient, :to, :key, :arguments, :link, :status, 0, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("recipient", recipientId)
			.param("to", address.trim())
			.param("key", key)
			.param("arguments", String.join(SEPARATOR, Arrays.stream(arguments).map(a -> a == null ? "" : a).toList()))
			.param("link", link)
			.param("status", status)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	/**
	 * Sends what is due, and what another instance claimed and did not finish within its
	 * lease (it died while sending); answers how many went out.
	 */
	@Scheduled(fixedDelayString = "${xietong.mail.dispatch-interval:PT30S}",
			initialDelayString = "${xietong.mail.dispatch-initial-delay:PT20S}")
	public int dispatch() {
		String claim = this.instance + "/" + UUID.randomUUID();
		// SKIP LOCKED: instances dispatching at once each claim other rows, none waits.
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claimed_by = :claim, claimed_until = :until
				WHERE id IN (SELECT id FROM mail_outbox
				  WHERE (status = 'PENDING' AND next_attempt_at <= :now)
				  OR (status = 'SENDING' AND (claimed_until IS NULL OR claimed_until < :now))
				  ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)""")
			.param("claim", claim)
			.param("now", utc(this.clock.instant()))
			.param("until", utc(this.clock.instant().plus(this.lease)))
			.update();
		List<Pending> due = this.jdbc.sql("""
				SELECT m.id, m.to_address, m.message_key, m.arguments, m.link, m.attempts, m.created_at, p.mail_language
				FROM mail_outbox m LEFT JOIN notification_preferences p ON p.user_id = m.recipient_id
				WHERE m.claimed_by = :claim AND m.status = 'SENDING' ORDER BY m.next_attempt_at, m.id""")
			.param("claim", claim)
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2),
					new Item(rs.getString(3), arguments(rs.getString(4)), rs.getString(5),
							rs.getObject(7, OffsetDateTime.class).toInstant()),
					rs.getString(8), rs.getInt(6)))
			.list();
		int sent = 0;
		for (Pending message : due) {
			// A fresh lease for each message, so that a slow server does not let the
			// claim run out under it; none left: another instance took it over.
			if (!renew(message.id(), claim)) {
				continue;
			}
			try {
				send(message);
				this.jdbc.sql("""
						UPDATE mail_outbox SET status = 'SENT', sent_at = :at, attempts = attempts + 1,
						  claimed_until = NULL
						WHERE id = :id AND claimed_by = :claim""")
					.param("at", utc(this.clock.instant()))
					.param("id", message.id())
					.param("claim", claim)
					.update();
				sent++;
			}
			catch (Exception ex) {
				int attempts = message.attempts() + 1;
				boolean giveUp = attempts >= MAX_ATTEMPTS;
				log.warn("Mail to {} failed (attempt {}): {}", message.to(), attempts, ex.getMessage());
				this.jdbc.sql("""
						UPDATE mail_outbox SET status = :status, attempts = :attempts, last_error = :error,
						  next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL
						WHERE id = :id AND claimed_by = :claim""")
					.param("status", giveUp ? "FAILED" : "PENDING")
					.param("attempts", attempts)
					.param("error", truncate(String.valueOf(ex.getMessage()), 500))
					.param("next", utc(this.clock.instant().plus(Duration.ofMinutes(1L << attempts))))
					.param("id", message.id())
					.param("claim", claim)
					.update();
			}
		}
		return sent;
	}

	private boolean renew(UUID id, String claim) {
		return this.jdbc
			.sql("""
					UPDATE mail_outbox SET claimed_until = :until WHERE id = :id AND claimed_by = :claim AND status = 'SENDING'""")
			.param("until", utc(this.clock.instant().plus(this.lease)))
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private void send(Pending message) throws Exception {
		Locale language = (message.language() == null) ? null : Languages.fromTag(message.language());
		Letter letter = MailDigests.KEY.equals(message.item().key())
				? this.composer.digest(digested(message.id()), language)
				: this.composer.message(message.item(), language);
		MimeMessage mime = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(message.to());
		helper.setSubject(letter.subject());
		helper.setText(letter.body());
		this.mail.send(mime);
	}

	/** The messages a digest gathered, oldest first. */
	private List<Item> digested(UUID digestId) {
		return this.jdbc.sql("""
				SELECT message_key, arguments, link, created_at FROM mail_outbox WHERE digest_id = :digest
				ORDER BY created_at, id""")
			.param("digest", digestId)
			.query((rs, n) -> new Item(rs.getString(1), arguments(rs.getString(2)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	private static Object[] arguments(String joined) {
		return joined.isEmpty() ? new Object[0] : joined.split(SEPARATOR, -1);
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private static String instanceName() {
		try {
			return truncate(InetAddress.getLocalHost().getHostName(), 16) + "/" + ProcessHandle.current().pid();
		}
		catch (UnknownHostException ex) {
			return "instance/" + ProcessHandle.current().pid();
		}
	}

	private record Pending(UUID id, String to, Item item, String language, int attempts) {
	}

}
