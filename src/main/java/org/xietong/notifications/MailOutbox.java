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
import org.xietong.shared.Languages;

/**
 * E-mail that waits in the database until the SMTP server takes it: written with the
 * message that causes it, sent by {@link #dispatch()} every half minute, retried with a
 * growing pause, given up after {@value #MAX_ATTEMPTS} attempts. Several instances may
 * dispatch at once: each claims its own rows.
 */
@Component
public class MailOutbox {

	static final int MAX_ATTEMPTS = 6;

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final String SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String from;

	private final String baseUrl;

	private final String instance;

	MailOutbox(JdbcClient jdbc, JavaMailSender mail, MessageSource messages, Clock clock,
			@Value("${xietong.mail.from}") String from, @Value("${xietong.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.instance = instanceName();
	}

	@Transactional
	void enqueue(UUID recipientId, String address, String key, String link, String... arguments) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient_id, to_address, message_key, arguments, link, status, attempts,
				  created_at, next_attempt_at)
				VALUES (:id, :recipient, :to, :key, :arguments, :link, 'PENDING', 0, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("recipient", recipientId)
			.param("to", address.trim())
			.param("key", key)
			.param("arguments", String.join(SEPARATOR, Arrays.stream(arguments).map(a -> a == null ? "" : a).toList()))
			.param("link", link)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	/** Sends what is due; answers how many went out. */
	@Scheduled(fixedDelayString = "${xietong.mail.dispatch-interval:PT30S}",
			initialDelayString = "${xietong.mail.dispatch-initial-delay:PT20S}")
	public int dispatch() {
		Instant now = this.clock.instant();
		String claim = this.instance + "/" + UUID.randomUUID();
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claimed_by = :claim
				WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
				  ORDER BY next_attempt_at LIMIT 50)
				AND status = 'PENDING'""")
			.param("claim", claim)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		List<Pending> due = this.jdbc.sql(
				"SELECT id, to_address, message_key, arguments, link, attempts FROM mail_outbox WHERE claimed_by = :claim "
						+ "AND status = 'SENDING'")
			.param("claim", claim)
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4).isEmpty() ? new Object[0] : rs.getString(4).split(SEPARATOR, -1), rs.getString(5),
					rs.getInt(6)))
			.list();
		int sent = 0;
		for (Pending message : due) {
			try {
				send(message);
				this.jdbc.sql(
						"UPDATE mail_outbox SET status = 'SENT', sent_at = :at, attempts = attempts + 1 WHERE id = :id")
					.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
					.param("id", message.id())
					.update();
				sent++;
			}
			catch (Exception ex) {
				int attempts = message.attempts() + 1;
				boolean giveUp = attempts >= MAX_ATTEMPTS;
				log.warn("Mail to {} failed (attempt {}): {}", message.to(), attempts, ex.getMessage());
				this.jdbc.sql("""
						UPDATE mail_outbox SET status = :status, attempts = :attempts, last_error = :error,
						  next_attempt_at = :next, claimed_by = NULL
						WHERE id = :id""")
					.param("status", giveUp ? "FAILED" : "PENDING")
					.param("attempts", attempts)
					.param("error", truncate(String.valueOf(ex.getMessage()), 500))
					.param("next",
							OffsetDateTime.ofInstant(this.clock.instant().plus(Duration.ofMinutes(1L << attempts)),
									ZoneOffset.UTC))
					.param("id", message.id())
					.update();
			}
		}
		return sent;
	}

	private void send(Pending message) throws Exception {
		String chinese = this.messages.getMessage(message.key(), message.arguments(), Languages.CHINESE);
		String english = this.messages.getMessage(message.key(), message.arguments(), Languages.ENGLISH);
		String link = (message.link() == null) ? "" : this.baseUrl + message.link();
		MimeMessage mime = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(message.to());
		helper.setSubject("【协同】" + truncate(chinese, 60));
		helper.setText(chinese + "\n" + link + "\n\n" + english + "\n\n——\n协同 · 产学合作协同育人项目管理平台（此邮件由系统发送，请勿回复）");
		this.mail.send(mime);
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private static String instanceName() {
		try {
			return truncate(InetAddress.getLocalHost().getHostName(), 20);
		}
		catch (UnknownHostException ex) {
			return "instance";
		}
	}

	private record Pending(UUID id, String to, String key, Object[] arguments, String link, int attempts) {
	}

}
