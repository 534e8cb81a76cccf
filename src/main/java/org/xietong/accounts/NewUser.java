package org.xietong.accounts;

import java.util.UUID;

/** What it takes to create an account. */
public record NewUser(String username, String password, String displayName, Role role, UUID organizationId,
		String email, String phone, String title, boolean passwordChangeRequired) {

	public static NewUser of(String username, String password, String displayName, Role role, UUID organizationId) {
		return new NewUser(username, password, displayName, role, organizationId, null, null, null, false);
	}

}
