package org.xietong.shared;

import java.util.UUID;

/**
 * Who is acting, as the audit trail and every rule need to know it: implemented by the
 * signed-in user's principal.
 */
public interface Actor {

	String username();

	String roleName();

	/** The organisation the actor belongs to, or {@code null} for none. */
	UUID organizationId();

}
