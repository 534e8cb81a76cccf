package org.xietong.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;
import org.xietong.shared.SqlWhere;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/** Creates and manages accounts; every change is audited in its own transaction. */
@Service
public class UserManagement {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final OrganizationDirectory organizations;

	private final LoginAttempts attempts;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final SignedInSessions sessions;

	UserManagement(Users users, PasswordEncoder passwordEncoder, OrganizationDirectory organizations,
			LoginAttempts attempts, AuditTrail audit, Clock clock, JdbcClient jdbc, SignedInSessions sessions) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.organizations = organizations;
		this.attempts = attempts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates an account after checking every field; refuses with all problems at once.
	 */
	@Transactional
	public UserView create(NewUser user) {
		List<FieldViolation> violations = check(user);
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		UserAccount account = this.users
			.save(UserAccount.create(user, this.passwordEncoder.encode(user.password()), this.clock.instant()));
		this.attempts.start(account.id());
		this.audit.record(AuditEvent.of("USER_CREATED", "User", account.id())
			.after("username=" + account.username() + ", role=" + account.role() + ", organization="
					+ account.organizationId()));
		return account.view();
	}

	/**
	 * Every problem that would stop {@link #create(NewUser)}, without creating anything.
	 */
	@Transactional(readOnly = true)
	public List<FieldViolation> check(NewUser user) {
		List<FieldViolation> violations = new ArrayList<>();
		if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
			violations.add(new FieldViolation("username", "INVALID_USERNAME",
					"3 to 64 letters, digits or . _ @ -, starting with a letter or digit"));
		}
		else if (this.users.existsByUsername(user.username())) {
			violations.add(new FieldViolation("username", "USERNAME_TAKEN", "this username is already taken"));
		}
		PasswordPolicy.check(user.password())
			.ifPresent(code -> violations.add(new FieldViolation("password", code, passwordMessage(code))));
		if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 100) {
			violations.add(new FieldViolation("displayName", "REQUIRED", "a name of 1 to 100 characters is required"));
		}
		if (user.role() == null) {
			violations.add(new FieldViolation("role", "REQUIRED", "a role is required"));
		}
		else {
			String kind = (user.organizationId() == null) ? null
					: this.organizations.kindOf(user.organizationId()).orElse("UNKNOWN");
			if ("UNKNOWN".equals(kind)) {
				violations.add(new FieldViolation("organizationId", "UNKNOWN_ORGANIZATION", "no such organisation"));
			}
			else if (!OrganizationDirectory.fits(user.role(), kind)) {
				violations.add(new FieldViolation("organizationId", "ROLE_ORGANIZATION_MISMATCH",
						"a " + user.role() + " cannot belong to " + (kind == null ? "no organisation" : "a " + kind)));
			}
		}
		return violations;
	}

	/**
	 * Changes a user's own password after checking the current one; the new one must meet
	 * the policy and differ from the old.
	 */
	@Transactional
	public UserView changeOwnPassword(UUID userId, String currentPassword, String newPassword) {
		UserAccount account = this.users.findById(userId).orElseThrow(() -> DomainException.notFound("user"));
		List<FieldViolation> violations = new ArrayList<>();
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			violations.add(new FieldViolation("currentPassword", "WRONG_PASSWORD", "the current password is wrong"));
		}
		PasswordPolicy.check(newPassword)
			.ifPresent(code -> violations.add(new FieldViolation("newPassword", code, passwordMessage(code))));
		if (violations.isEmpty() && this.passwordEncoder.matches(newPassword, account.passwordHash())) {
			violations.add(new FieldViolation("newPassword", "PASSWORD_UNCHANGED", "choose a different password"));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		account.changePassword(this.passwordEncoder.encode(newPassword), false);
		this.users.save(account);
		this.audit.record(AuditEvent.of("PASSWORD_CHANGED", "User", account.id()));
		return account.view();
	}

	/** Deactivates an account: it can no longer sign in, and its tokens stop working. */
	@Transactional
	public UserView deactivate(UUID id) {
		UserAccount account = load(id);
		boolean before = account.enabled();
		account.deactivate();
		this.users.save(account);
		this.sessions.endAll(account.id(), account.username());
		this.audit
			.record(AuditEvent.of("USER_DEACTIVATED", "User", id).before("enabled=" + before).after("enabled=false"));
		return account.view();
	}

	@Transactional
	public UserView activate(UUID id) {
		UserAccount account = load(id);
		boolean before = account.enabled();
		account.activate();
		this.users.save(account);
		this.audit
			.record(AuditEvent.of("USER_ACTIVATED", "User", id).before("enabled=" + before).after("enabled=true"));
		return account.view();
	}

	/** Lifts a lockout before its time. */
	@Transactional
	public UserView unlock(UUID id) {
		UserAccount account = load(id);
		this.attempts.unlock(id);
		this.audit.record(AuditEvent.of("USER_UNLOCKED", "User", id));
		return account.view();
	}

	/**
	 * Sets a password chosen by an administrator; the user must change it at the next
	 * sign-in.
	 */
	@Transactional
	public UserView resetPassword(UUID id, String newPassword) {
		UserAccount account = load(id);
		PasswordPolicy.check(newPassword).ifPresent(code -> {
			throw DomainException.invalid("newPassword", code, passwordMessage(code));
		});
		account.changePassword(this.passwordEncoder.encode(newPassword), true);
		this.users.save(account);
		this.attempts.unlock(id);
		this.sessions.endAll(account.id(), account.username());
		this.audit.record(AuditEvent.of("PASSWORD_RESET", "User", id).after("must change at next sign-in"));
		return account.view();
	}

	/** Whether the account is locked out now. */
	@Transactional(readOnly = true)
	public boolean isLocked(UUID id) {
		return this.attempts.lockedUntil(id, this.clock.instant()).isPresent();
	}

	private UserAccount load(UUID id) {
		return this.users.findById(id).orElseThrow(() -> DomainException.notFound("user"));
	}

	@Transactional(readOnly = true)
	public Optional<UserView> find(UUID id) {
		return this.users.findById(id).map(UserAccount::view);
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return this.users.findByUsername(username).map(UserAccount::view);
	}

	/**
	 * A page of accounts, by username, filtered by role, organisation and a text in name
	 * or username.
	 */
	@Transactional(readOnly = true)
	public PageResult<UserView> search(UserQuery query, int page, int size) {
		PageResult.check(page, size);
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (query.role() != null) {
			where.append(" AND role = :role");
			params.put("role", query.role().name());
		}
		if (query.organizationId() != null) {
			where.append(" AND organization_id = :org");
			params.put("org", query.organizationId());
		}
		if (query.text() != null && !query.text().isBlank()) {
			where.append(" AND (LOWER(username) LIKE :text ESCAPE '\\' OR LOWER(display_name) LIKE :text ESCAPE '\\')");
			params.put("text", SqlWhere.containing(query.text().trim().toLowerCase(java.util.Locale.ROOT)));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM users" + where).params(params).query(Long.class).single();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM users" + where + " ORDER BY username LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UUID.class)
			.list();
		Map<UUID, UserView> found = new HashMap<>();
		this.users.findAllById(ids).forEach(account -> found.put(account.id(), account.view()));
		return new PageResult<>(ids.stream().map(found::get).toList(), page, size, total);
	}

	@Transactional(readOnly = true)
	public boolean anyWithRole(Role role) {
		return this.users.existsByRole(role);
	}

	static String passwordMessage(String code) {
		return switch (code) {
			case "PASSWORD_TOO_SHORT" -> "at least " + PasswordPolicy.MIN_LENGTH + " characters";
			case "PASSWORD_TOO_LONG" -> "at most " + PasswordPolicy.MAX_BYTES + " bytes";
			default -> "use three of: upper case, lower case, digits, symbols";
		};
	}

}
