package org.xietong.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends everything a user is signed in with, on every instance: its page sessions (kept in
 * the database) and its API tokens. Used when an account is deactivated or its password
 * is reset by an administrator.
 */
@Component
class SignedInSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignedInSessions(FindByIndexNameSessionRepository<?> sessions, JdbcClient jdbc, Clock clock) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void endAll(UUID userId, String username) {
		this.sessions.findByPrincipalName(username).keySet().forEach(this.sessions::deleteById);
		this.jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("user", userId)
			.update();
	}

}
