package org.xietong.accounts;

import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;

/**
 * The holder of a one-time link chooses its password: the link is used up by the same
 * transaction that sets the password, so a refused password leaves it serving.
 */
@Service
public class PasswordSetup {

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordSetupLinks links;

	private final LoginAttempts attempts;

	private final SignedInSessions sessions;

	private final AuditTrail audit;

	PasswordSetup(Users users, PasswordEncoder passwordEncoder, PasswordSetupLinks links, LoginAttempts attempts,
			SignedInSessions sessions, AuditTrail audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.links = links;
		this.attempts = attempts;
		this.sessions = sessions;
		this.audit = audit;
	}

	/**
	 * Sets the password of the account the link was issued for; refuses a used, expired
	 * or unknown link with 410 {@code SETUP_LINK_INVALID}.
	 */
	@Transactional
	public UserView choose(String token, String newPassword) {
		PasswordPolicy.check(newPassword).ifPresent(code -> {
			throw DomainException.invalid("newPassword", code, UserManagement.passwordMessage(code));
		});
		UUID id = this.links.consume(token)
			.orElseThrow(() -> new DomainException(410, "SETUP_LINK_INVALID",
					"this link was used, has expired or is unknown: ask an administrator for a new one"));
		UserAccount account = this.users.findById(id).orElseThrow(() -> DomainException.notFound("user"));
		account.choosePassword(this.passwordEncoder.encode(newPassword));
		this.users.save(account);
		this.attempts.unlock(id);
		this.sessions.endAll(account.id(), account.username());
		this.audit.recordAs(CurrentUser.of(account),
				AuditEvent.of("PASSWORD_SET_BY_LINK", "User", id).after("chosen by the holder"));
		return account.view();
	}

	/** Whether a link still serves, without using it. */
	@Transactional(readOnly = true)
	public boolean live(String token) {
		return this.links.live(token);
	}

}
