package org.xietong.accounts;

import java.util.UUID;

/** Filters over accounts; every part may be {@code null}. */
public record UserQuery(Role role, UUID organizationId, String text) {
}
