package org.xietong.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
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

/**
 * Creates and manages accounts; every change is audited in its own transaction. The
 * methods that take the acting administrator enforce who may manage whom
 * ({@link AdministrationPolicy}); the others serve the modules' own flows (registration,
 * a university's teachers, installation).
 */
@Service
public class UserManagement {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final OrganizationDirectory organizations;

	private final LoginAttempts attempts;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final SignedInSessions sessions;

	private final PasswordSetupLinks links;

	private final ApplicationEventPublisher events;

	private final LastAdministrators lastAdministrators;

	UserManagement(Users users, PasswordEncoder passwordEncoder, OrganizationDirectory organizations,
			LoginAttempts attempts, AuditTrail audit, Clock clock, JdbcClient jdbc, SignedInSessions sessions,
			PasswordSetupLinks links, ApplicationEventPublisher events, LastAdministrators lastAdministrators) {
		this.lastAdministrators = lastAdministrators;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.organizations = organizations;
		this.attempts = attempts;
		this.audit = audit;
		this.clock = clock;
		this.links = links;
		this.events = events;
	}

	/**
	 * Creates an account after checking every field; refuses with all problems at once.
	 * Without a password, the holder gets a one-time link by mail to choose one; a
	 * password that must be changed serves for 72 hours.
	 */
	@Transactional
	public UserView create(NewUser user) {
		return create(user, true);
	}

	/**
	 * An account an administrator creates: only roles it may give, and a password it
	 * chose serves once, to choose a new one.
	 */
	@Transactional
	public UserView create(CurrentUser by, NewUser user) {
		AdministrationPolicy.requireMayCreate(by, user.role());
		UserView created = create(new NewUser(user.username(), user.password(), user.displayName(), user.role(),
				user.organizationId(), user.email(), user.phone(), user.title(), true), true);
		told(created.id(), created.username(), created.role(), "CREATED", by);
		return created;
	}

	/**
	 * The first administrators of a new installation: their initial password, configured
	 * or printed to the log, does not expire, since no one else could reset it.
	 */
	@Transactional
	public UserView install(NewUser user) {
		return create(user, false);
	}

	private UserView create(NewUser user, boolean initialPasswordExpires) {
		List<FieldViolation> violations = check(user);
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		Instant now = this.clock.instant();
		boolean byLink = user.password() == null;
		boolean mustChange = user.passwordChangeRequired() || byLink;
		UserAccount account = this.users.save(UserAccount.create(user, mustChange,
				this.passwordEncoder.encode(byLink ? unknowable() : user.password()),
				(mustChange && initialPasswordExpires) ? now.plus(PasswordSetupLinks.LIFETIME) : null, now));
		this.attempts.start(account.id());
		this.audit.record(AuditEvent.of("USER_CREATED", "User", account.id())
			.after("username=" + account.username() + ", role=" + account.role() + ", organization="
					+ account.organizationId() + (byLink ? ", password by one-time link" : "")));
		if (byLink) {
			mailLink(account);
		}
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
		if (user.password() == null && blank(user.email())) {
			violations.add(new FieldViolation("password", "PASSWORD_OR_EMAIL_REQUIRED",
					"give an initial password, or an e-mail address to send a link to choose one"));
		}
		else if (user.password() != null) {
			PasswordPolicy.check(user.password())
				.ifPresent(code -> violations.add(new FieldViolation("password", code, passwordMessage(code))));
		}
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
	 * the policy and differ from the old. Every other page session and token of the user
	 * ends, on every instance; {@code kept} goes on.
	 */
	@Transactional
	public UserView changeOwnPassword(UUID userId, String currentPassword, String newPassword, ActiveSignIn kept) {
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
		account.choosePassword(this.passwordEncoder.encode(newPassword));
		this.users.save(account);
		this.links.revokeAll(account.id());
		this.sessions.endAllBut(account.id(), account.username(), kept);
		this.audit.record(AuditEvent.of("PASSWORD_CHANGED", "User", account.id()).after("other sessions ended"));
		return account.view();
	}

	/**
	 * Deactivates an account: it can no longer sign in, and its tokens stop working. The
	 * last active system or audit administrator stays: {@code 409 LAST_ADMINISTRATOR}.
	 */
	@Transactional
	public UserView deactivate(CurrentUser by, UUID id) {
		AdministrationPolicy.requireMayManage(by, load(id).role());
		return deactivate(id, by);
	}

	/** Deactivates an account for a module's own flow (a university's teacher). */
	@Transactional
	public UserView deactivate(UUID id) {
		return deactivate(id, null);
	}

	private UserView deactivate(UUID id, CurrentUser by) {
		this.lastAdministrators.lock(load(id).role());
		UserAccount account = load(id);
		boolean before = account.enabled();
		if (before) {
			this.lastAdministrators.requireAnother(account.role(), id);
		}
		if (by != null && by.id().equals(id)) {
			throw new DomainException(409, "SELF_DEACTIVATION", "an administrator cannot deactivate itself");
		}
		account.deactivate();
		this.users.save(account);
		this.sessions.endAll(account.id(), account.username());
		this.audit
			.record(AuditEvent.of("USER_DEACTIVATED", "User", id).before("enabled=" + before).after("enabled=false"));
		told(id, account.username(), account.role(), "DEACTIVATED", by);
		return account.view();
	}

	@Transactional
	public UserView activate(CurrentUser by, UUID id) {
		AdministrationPolicy.requireMayManage(by, load(id).role());
		return activate(id, by);
	}

	@Transactional
	public UserView activate(UUID id) {
		return activate(id, null);
	}

	private UserView activate(UUID id, CurrentUser by) {
		UserAccount account = load(id);
		boolean before = account.enabled();
		account.activate();
		this.users.save(account);
		this.audit
			.record(AuditEvent.of("USER_ACTIVATED", "User", id).before("enabled=" + before).after("enabled=true"));
		told(id, account.username(), account.role(), "ACTIVATED", by);
		return account.view();
	}

	/** Lifts a lockout before its time. */
	@Transactional
	public UserView unlock(CurrentUser by, UUID id) {
		UserAccount account = load(id);
		AdministrationPolicy.requireMayManage(by, account.role());
		this.attempts.unlock(id);
		this.audit.record(AuditEvent.of("USER_UNLOCKED", "User", id));
		return account.view();
	}

	/**
	 * Resets a password: to one the administrator chose, which the user must change at
	 * the next sign-in within 72 hours, or ({@code null}) to none anyone knows, with a
	 * one-time link mailed to the user. Every session of the user ends.
	 */
	@Transactional
	public UserView resetPassword(CurrentUser by, UUID id, String newPassword) {
		UserAccount account = load(id);
		AdministrationPolicy.requireMayManage(by, account.role());
		boolean byLink = newPassword == null || newPassword.isEmpty();
		if (byLink && blank(account.email())) {
			throw DomainException.invalid("newPassword", "PASSWORD_OR_EMAIL_REQUIRED",
					"the account has no e-mail address for a link: give a new password");
		}
		if (!byLink) {
			PasswordPolicy.check(newPassword).ifPresent(code -> {
				throw DomainException.invalid("newPassword", code, passwordMessage(code));
			});
		}
		account.setInitialPassword(this.passwordEncoder.encode(byLink ? unknowable() : newPassword),
				this.clock.instant().plus(PasswordSetupLinks.LIFETIME));
		this.users.save(account);
		this.attempts.unlock(id);
		this.links.revokeAll(id);
		this.sessions.endAll(account.id(), account.username());
		this.audit.record(AuditEvent.of("PASSWORD_RESET", "User", id)
			.after(byLink ? "one-time link mailed" : "must change at next sign-in"));
		if (byLink) {
			mailLink(account);
		}
		told(id, account.username(), account.role(), "RESET", by);
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

	private void mailLink(UserAccount account) {
		PasswordSetupLinks.IssuedLink link = this.links.issue(account.id());
		this.events.publishEvent(new PasswordSetupLinkIssued(account.id(), account.username(), account.displayName(),
				account.email(), link.link(), link.expiresAt()));
	}

	private void told(UUID id, String username, Role role, String change, CurrentUser by) {
		if (AdministrationPolicy.privileged(role)) {
			this.events.publishEvent(new PrivilegedAccountChanged(id, username, role, change,
					(by == null) ? CurrentUser.get().map(CurrentUser::username).orElse("system") : by.username()));
		}
	}

	/** A password no one knows, for an account whose holder chooses its own by link. */
	private static String unknowable() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
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

	/** The message for a password policy code. */
	static String passwordMessage(String code) {
		return switch (code) {
			case "PASSWORD_TOO_SHORT" -> "at least " + PasswordPolicy.MIN_LENGTH + " characters";
			case "PASSWORD_TOO_LONG" -> "at most " + PasswordPolicy.MAX_BYTES + " bytes";
			default -> "use three of: upper case, lower case, digits, symbols";
		};
	}

}
