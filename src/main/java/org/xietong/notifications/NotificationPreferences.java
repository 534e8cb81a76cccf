package org.xietong.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;

/**
 * Each user's choices for e-mail; the in-app inbox does not depend on them. Every change
 * is audited.
 */
@Service
public class NotificationPreferences {

	/** The languages mail can be written in, as their tags. */
	public static final String CHINESE = "zh-CN";

	public static final String ENGLISH = "en";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	NotificationPreferences(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The user's choices, or {@link MailPreferences#NONE} when none were made. */
	@Transactional(readOnly = true)
	public MailPreferences get(UUID userId) {
		return this.jdbc.sql("SELECT mail_language, daily_digest FROM notification_preferences WHERE user_id = :user")
			.param("user", userId)
			.query((rs, n) -> new MailPreferences(rs.getString(1), rs.getBoolean(2)))
			.optional()
			.orElse(MailPreferences.NONE);
	}

	/**
	 * Replaces the user's choices. {@code mailLanguage} is {@code zh-CN}, {@code en}, or
	 * {@code null} (or blank) for both languages; anything else is refused with
	 * {@code UNKNOWN_LANGUAGE} and nothing changes.
	 */
	@Transactional
	public MailPreferences set(UUID userId, String mailLanguage, boolean dailyDigest) {
		MailPreferences after = new MailPreferences(language(mailLanguage), dailyDigest);
		MailPreferences before = get(userId);
		if (after.equals(before)) {
			return before;
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int updated = this.jdbc.sql("""
				UPDATE notification_preferences SET mail_language = :language, daily_digest = :digest, updated_at = :now
				WHERE user_id = :user""")
			.param("language", after.mailLanguage())
			.param("digest", after.dailyDigest())
			.param("now", now)
			.param("user", userId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO notification_preferences (user_id, mail_language, daily_digest, updated_at)
					VALUES (:user, :language, :digest, :now)""")
				.param("user", userId)
				.param("language", after.mailLanguage())
				.param("digest", after.dailyDigest())
				.param("now", now)
				.update();
		}
		this.audit.record(AuditEvent.of("NOTIFICATION_PREFERENCES_CHANGED", "User", userId)
			.before(before.summary())
			.after(after.summary()));
		return after;
	}

	private static String language(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String trimmed = tag.trim();
		if (trimmed.equalsIgnoreCase(CHINESE)) {
			return CHINESE;
		}
		if (trimmed.toLowerCase(Locale.ROOT).equals(ENGLISH)) {
			return ENGLISH;
		}
		throw DomainException.invalid("mailLanguage", "UNKNOWN_LANGUAGE", "mailLanguage is zh-CN, en or null");
	}

}
