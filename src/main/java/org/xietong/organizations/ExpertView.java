package org.xietong.organizations;

import java.util.List;
import java.util.UUID;

/**
 * An expert: whose pool it serves ({@code ownerId}: the department, or the one enterprise
 * it serves), where it works, its fields, and what it declared a conflict with.
 */
public record ExpertView(UUID id, String username, String displayName, UUID ownerId, UUID affiliationId,
		String affiliationName, List<String> fields, List<DeclaredConflict> conflicts, boolean enabled, long version) {

	/** A declared conflict: an organisation on the platform, or a person by name. */
	public record DeclaredConflict(UUID id, UUID organizationId, String personName, String reason) {
	}

}
