package org.xietong.accounts;

import java.time.Instant;
import java.util.UUID;

/** An account as other modules and the API see it: never its password. */
public record UserView(UUID id, String username, String displayName, Role role, UUID organizationId, String email,
		String phone, String title, boolean enabled, boolean passwordChangeRequired, Instant createdAt, long version) {
}
