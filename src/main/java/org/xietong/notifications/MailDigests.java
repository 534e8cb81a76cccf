package org.xietong.notifications;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: each day, the mail held for a user who chose it becomes one outbox
 * row that lists it all, sent and retried by {@link MailOutbox#dispatch()} like any mail.
 * Several instances may gather at once: each held row joins one digest only.
 */
@Component
public class MailDigests {

	/** The message key of a digest's own outbox row; its argument is the count. */
	static final String KEY = "mail.DIGEST";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String cron;

	MailDigests(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${xietong.mail.digest-cron:0 0 8 * * *}") String cron) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.cron = cron;
	}

	/**
	 * Gathers each recipient's held mail into one digest, in one transaction per
	 * recipient, and leaves it to the dispatcher; answers how many digests were written.
	 */
	@Scheduled(cron = "${xietong.mail.digest-cron:0 0 8 * * *}", zone = "${xietong.time-zone}")
	public int sendDigests() {
		List<UUID> recipients = this.jdbc.sql("SELECT DISTINCT recipient_id FROM mail_outbox WHERE status = 'HELD'")
			.query(UUID.class)
			.list();
		int written = 0;
		for (UUID recipient : recipients) {
			if (Boolean.TRUE.equals(this.transaction.execute(status -> digest(recipient)))) {
				written++;
			}
		}
		return written;
	}

	/** The time of day digests go out, or empty when they are switched off. */
	public Optional<LocalTime> sendsAt() {
		if (Scheduled.CRON_DISABLED.equals(this.cron)) {
			return Optional.empty();
		}
		return Optional.ofNullable(CronExpression.parse(this.cron).next(ZonedDateTime.now(this.clock)))
			.map(next -> next.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
	}

	/**
	 * Gathers one recipient's held mail into a digest; false when none was held any more.
	 */
	boolean digest(UUID recipient) {
		UUID digestId = UUID.randomUUID();
		// The claim: rows another instance has just gathered are no longer HELD.
		int held = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'DIGESTED', digest_id = :digest
				WHERE recipient_id = :recipient AND status = 'HELD'""")
			.param("digest", digestId)
			.param("recipient", recipient)
			.update();
		if (held == 0) {
			return false;
		}
		String address = this.jdbc.sql("""
				SELECT to_address FROM mail_outbox WHERE digest_id = :digest ORDER BY created_at DESC, id LIMIT 1""")
			.param("digest", digestId)
			.query(String.class)
			.single();
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient_id, to_address, message_key, arguments, link, status, attempts,
				  created_at, next_attempt_at)
				VALUES (:id, :recipient, :to, :key, :count, '/inbox', 'PENDING', 0, :now, :now)""")
			.param("id", digestId)
			.param("recipient", recipient)
			.param("to", address)
			.param("key", KEY)
			.param("count", Integer.toString(held))
			.param("now", now)
			.update();
		return true;
	}

}
