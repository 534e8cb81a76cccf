package org.xietong.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time link with which an account's holder chooses its password, to be mailed to it
 * at once. Published inside the issuing transaction and heard synchronously, so the link
 * is never kept in the event registry.
 *
 * @param link the path of the link, token included
 */
public record PasswordSetupLinkIssued(UUID userId, String username, String displayName, String email, String link,
		Instant expiresAt) {
}
