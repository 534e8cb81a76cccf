package org.xietong.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.Actor;

/**
 * Checks a username and password for the login page and the token endpoint alike: counts
 * failures, locks after too many, and writes every outcome to the audit trail.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final LoginAttempts attempts;

	private final AuditTrail audit;

	private final Clock clock;

	private final String unknownUserHash;

	AccountAuthenticationProvider(Users users, PasswordEncoder passwordEncoder, LoginAttempts attempts,
			AuditTrail audit, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.attempts = attempts;
		this.audit = audit;
		this.clock = clock;
		this.unknownUserHash = passwordEncoder.encode("unknown-user-timing-guard");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getName()).trim();
		String password = String.valueOf(authentication.getCredentials());
		Instant now = this.clock.instant();
		Optional<UserAccount> found = this.users.findByUsername(username);
		if (found.isEmpty()) {
			// Spend the same time as for a real account, so that timing does not tell
			// which names exist.
			this.passwordEncoder.matches(password, this.unknownUserHash);
			this.audit.recordAs(actor(username, null),
					AuditEvent.of("LOGIN_FAILED", "User", username).after("unknown username"));
			throw new BadCredentialsException("bad credentials");
		}
		UserAccount account = found.get();
		Actor actor = actor(username, account);
		if (!account.enabled()) {
			this.audit.recordAs(actor, AuditEvent.of("LOGIN_FAILED", "User", account.id()).after("account disabled"));
			throw new DisabledException("account disabled");
		}
		Optional<Instant> lockedUntil = this.attempts.lockedUntil(account.id(), now);
		if (lockedUntil.isPresent()) {
			this.audit.recordAs(actor, AuditEvent.of("LOGIN_FAILED", "User", account.id())
				.after("account locked until " + lockedUntil.get()));
			throw new LockedException(lockedUntil.get().toString());
		}
		if (!this.passwordEncoder.matches(password, account.passwordHash())) {
			boolean lockedNow = this.attempts.recordFailure(account.id(), now);
			this.audit.recordAs(actor, AuditEvent.of("LOGIN_FAILED", "User", account.id()).after("wrong password"));
			if (lockedNow) {
				this.audit.recordAs(actor, AuditEvent.of("ACCOUNT_LOCKED", "User", account.id())
					.after("locked after repeated failed sign-ins"));
				throw new LockedException("locked");
			}
			throw new BadCredentialsException("bad credentials");
		}
		if (account.initialPasswordExpired(now)) {
			this.audit.recordAs(actor,
					AuditEvent.of("LOGIN_FAILED", "User", account.id()).after("initial password expired unused"));
			throw new CredentialsExpiredException("initial password expired");
		}
		this.attempts.recordSuccess(account.id(), now);
		CurrentUser user = CurrentUser.of(account);
		this.audit.recordAs(user, AuditEvent.of("LOGIN_SUCCEEDED", "User", account.id()));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static Actor actor(String username, UserAccount account) {
		return (account != null) ? CurrentUser.of(account) : new Actor() {
			@Override
			public String username() {
				return username;
			}

			@Override
			public String roleName() {
				return null;
			}

			@Override
			public java.util.UUID organizationId() {
				return null;
			}
		};
	}

}
