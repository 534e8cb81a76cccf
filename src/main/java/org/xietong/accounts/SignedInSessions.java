package org.xietong.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends everything a user is signed in with, on every instance: its page sessions (Spring
 * Session's table, shared by all instances) and its API tokens. Used when an account is
 * deactivated or its password changes. Both are deleted in the caller's transaction,
 * rather than through the session repository (which opens a transaction of its own), so
 * that they end exactly when the change commits and a caller holding a lock never waits
 * for a second connection.
 */
@Component
class SignedInSessions {

	private final JdbcClient jdbc;

	private final Clock clock;

	SignedInSessions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void endAll(UUID userId, String username) {
		endAllBut(userId, username, new ActiveSignIn(null, null));
	}

	/** Ends all but the session or token {@code kept}. */
	void endAllBut(UUID userId, String username, ActiveSignIn kept) {
		this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = :username AND session_id <> :kept")
			.param("username", username)
			.param("kept", (kept.sessionId() == null) ? "" : kept.sessionId())
			.update();
		this.jdbc.sql("""
				UPDATE api_tokens SET revoked_at = :now
				WHERE user_id = :user AND revoked_at IS NULL AND token_hash <> :kept""")
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("user", userId)
			.param("kept", (kept.token() == null) ? "" : ApiTokens.hash(kept.token()))
			.update();
	}

}
