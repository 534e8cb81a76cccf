package org.xietong.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xietong.shared.DomainException;

/**
 * Keeps at least one active system administrator and one active audit administrator: a
 * transaction-scoped advisory lock per role makes two deactivations that race decide one
 * after the other, on every instance, since the lock lives in the database.
 */
@Component
class LastAdministrators {

	private final JdbcClient jdbc;

	LastAdministrators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the role's lock until the transaction ends; other roles need none. */
	void lock(Role role) {
		if (guarded(role)) {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
				.param("key", "xietong.last-administrator." + role)
				.query((rs, n) -> 1)
				.single();
		}
	}

	/** Refuses with 409 {@code LAST_ADMINISTRATOR} when no other active one is left. */
	void requireAnother(Role role, java.util.UUID id) {
		if (guarded(role) && this.jdbc.sql("SELECT COUNT(*) FROM users WHERE role = :role AND enabled AND id <> :id")
			.param("role", role.name())
			.param("id", id)
			.query(Long.class)
			.single() == 0) {
			throw new DomainException(409, "LAST_ADMINISTRATOR",
					"the last active " + role + " cannot be deactivated: create or reactivate another first");
		}
	}

	private static boolean guarded(Role role) {
		return role == Role.SYSTEM_ADMIN || role == Role.AUDIT_ADMIN;
	}

}
