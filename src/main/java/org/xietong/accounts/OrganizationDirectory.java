package org.xietong.accounts;

import java.util.Optional;
import java.util.UUID;

/**
 * What accounts must know of organisations without depending on the module that owns
 * them: implemented by {@code organizations}.
 */
public interface OrganizationDirectory {

	/**
	 * The organisation's kind ({@code DEPARTMENT}, {@code UNIVERSITY},
	 * {@code ENTERPRISE}), if it exists.
	 */
	Optional<String> kindOf(UUID organizationId);

	/** Which organisation kinds a role may belong to. */
	static boolean fits(Role role, String kind) {
		return switch (role) {
			case DEPARTMENT_OFFICER, SYSTEM_ADMIN, AUDIT_ADMIN -> "DEPARTMENT".equals(kind);
			case ENTERPRISE_CONTACT -> "ENTERPRISE".equals(kind);
			case UNIVERSITY_ADMIN, TEACHER -> "UNIVERSITY".equals(kind);
			case EXPERT ->
				kind == null || "UNIVERSITY".equals(kind) || "ENTERPRISE".equals(kind) || "DEPARTMENT".equals(kind);
		};
	}

}
