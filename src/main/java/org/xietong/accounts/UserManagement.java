package org.xietong.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

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

	UserManagement(Users users, PasswordEncoder passwordEncoder, OrganizationDirectory organizations,
			LoginAttempts attempts, AuditTrail audit, Clock clock) {
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

	@Transactional(readOnly = true)
	public Optional<UserView> find(UUID id) {
		return this.users.findById(id).map(UserAccount::view);
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return this.users.findByUsername(username).map(UserAccount::view);
	}

	@Transactional(readOnly = true)
	public List<UserView> findAll() {
		return this.users.findAll().stream().map(UserAccount::view).toList();
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
