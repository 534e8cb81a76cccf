package org.xietong.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and locks it after too many; each record commits on
 * its own, since the sign-in it belongs to fails.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;

	private final SecuritySettings settings;

	LoginAttempts(JdbcClient jdbc, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(UUID userId, Instant now) {
		return this.jdbc.sql("SELECT locked_until FROM login_states WHERE user_id = :id")
			.param("id", userId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.optional()
			.flatMap(value -> value)
			.filter(until -> until.isAfter(now));
	}

	/** Records a failure; answers whether this failure locked the account. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(UUID userId, Instant now) {
		State state = lockForUpdate(userId);
		int failures = (state.lockedUntil() != null && !state.lockedUntil().isAfter(now)) ? 1
				: state.failedAttempts() + 1;
		Instant lockedUntil = (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) ? state.lockedUntil()
				: null;
		boolean locksNow = lockedUntil == null && failures >= this.settings.maxFailedLogins();
		if (locksNow) {
			lockedUntil = now.plus(this.settings.lockout());
		}
		this.jdbc.sql("UPDATE login_states SET failed_attempts = :failures, locked_until = :until WHERE user_id = :id")
			.param("failures", locksNow ? 0 : failures)
			.param("until", lockedUntil == null ? null : OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC))
			.param("id", userId)
			.update();
		return locksNow;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(UUID userId, Instant now) {
		lockForUpdate(userId);
		this.jdbc.sql(
				"UPDATE login_states SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE user_id = :id")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("id", userId)
			.update();
	}

	/** Starts the count for a new account. */
	@Transactional
	public void start(UUID userId) {
		this.jdbc.sql("INSERT INTO login_states (user_id, failed_attempts) VALUES (:id, 0)")
			.param("id", userId)
			.update();
	}

	/** Lifts a lock, as the system administrator does. */
	@Transactional
	public void unlock(UUID userId) {
		this.jdbc.sql("UPDATE login_states SET failed_attempts = 0, locked_until = NULL WHERE user_id = :id")
			.param("id", userId)
			.update();
	}

	private State lockForUpdate(UUID userId) {
		Optional<State> state = select(userId);
		if (state.isEmpty()) {
			this.jdbc.sql("INSERT INTO login_states (user_id, failed_attempts) VALUES (:id, 0)")
				.param("id", userId)
				.update();
			state = select(userId);
		}
		return state.orElseThrow();
	}

	private Optional<State> select(UUID userId) {
		return this.jdbc.sql("SELECT failed_attempts, locked_until FROM login_states WHERE user_id = :id FOR UPDATE")
			.param("id", userId)
			.query((rs, n) -> new State(rs.getInt(1),
					Optional.ofNullable(rs.getObject(2, OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.optional();
	}

	private record State(int failedAttempts, Instant lockedUntil) {
	}

}
