package org.xietong.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xietong.shared.Actor;

/**
 * The signed-in user: the principal of every authenticated request, page or API. Kept in
 * the session, so it holds no password.
 */
public record CurrentUser(UUID id, String username, String displayName, Role role, UUID organizationId,
		boolean passwordChangeRequired) implements Actor, AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static CurrentUser of(UserAccount account) {
		return new CurrentUser(account.id(), account.username(), account.displayName(), account.role(),
				account.organizationId(), account.passwordChangeRequired());
	}

	/** The username, as Spring Security and the session store name a principal. */
	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public String roleName() {
		return this.role.name();
	}

	public Collection<? extends GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	public boolean has(Role candidate) {
		return this.role == candidate;
	}

	/** The user of the current request, if one is signed in. */
	public static java.util.Optional<CurrentUser> get() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return java.util.Optional.of(user);
		}
		return java.util.Optional.empty();
	}

}
