package org.xietong.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links to choose a password: 256 random bits, stored as their SHA-256, valid
 * for 72 hours, consumed by one atomic update so that a link serves exactly once.
 */
@Component
class PasswordSetupLinks {

	/** How long a link, or an initial password set by someone else, serves. */
	static final Duration LIFETIME = Duration.ofHours(72);

	static final String PATH = "/account/setup";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	PasswordSetupLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new link for the user; any earlier unused one stops serving. */
	IssuedLink issue(UUID userId) {
		Instant now = this.clock.instant();
		revokeAll(userId);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = now.plus(LIFETIME);
		this.jdbc.sql("""
				INSERT INTO password_setup_links (token_hash, user_id, created_at, expires_at)
				VALUES (:hash, :user, :now, :expires)""")
			.param("hash", ApiTokens.hash(token))
			.param("user", userId)
			.param("now", utc(now))
			.param("expires", utc(expiresAt))
			.update();
		return new IssuedLink(PATH + "?token=" + token, expiresAt);
	}

	/** Whether the token is a live link, without using it. */
	boolean live(String token) {
		return token != null && this.jdbc.sql("""
				SELECT COUNT(*) FROM password_setup_links
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
			.param("hash", ApiTokens.hash(token))
			.param("now", utc(this.clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	/** Uses the link up: the user it was for, if it was live. */
	Optional<UUID> consume(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				UPDATE password_setup_links SET used_at = :now
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
				RETURNING user_id""")
			.param("hash", ApiTokens.hash(token))
			.param("now", utc(this.clock.instant()))
			.query(UUID.class)
			.optional();
	}

	/** Every unused link of the user stops serving. */
	void revokeAll(UUID userId) {
		this.jdbc.sql("UPDATE password_setup_links SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("user", userId)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	record IssuedLink(String link, Instant expiresAt) {
	}

}
