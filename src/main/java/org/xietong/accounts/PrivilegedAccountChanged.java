package org.xietong.accounts;

import java.util.UUID;

/**
 * A department account (system administrator, audit administrator, department officer)
 * was created, reset, deactivated or reactivated; the audit administrators are told.
 *
 * @param change {@code CREATED}, {@code RESET}, {@code DEACTIVATED} or {@code ACTIVATED}
 * @param by the username of the administrator who made the change
 */
public record PrivilegedAccountChanged(UUID accountId, String username, Role role, String change, String by) {
}
