package org.xietong.organizations.web;

import java.util.List;
import java.util.UUID;

import org.xietong.accounts.Role;

/**
 * The form for a department, university administrator or expert account (the system
 * administrator) or an audit administrator (an audit administrator); enterprise contacts
 * register themselves and teachers come from their university.
 */
public record AccountForm(String username, String displayName, String role, String organizationId, String email,
		String phone, String title, String password) {

	/** The roles this form offers the system administrator. */
	public static final List<Role> ROLES = List.of(Role.DEPARTMENT_OFFICER, Role.SYSTEM_ADMIN, Role.UNIVERSITY_ADMIN,
			Role.EXPERT);

	/** The roles the form offers an administrator of the given role. */
	static List<Role> rolesFor(Role by) {
		return (by == Role.AUDIT_ADMIN) ? List.of(Role.AUDIT_ADMIN) : ROLES;
	}

	public static AccountForm empty() {
		return new AccountForm(null, null, null, null, null, null, null, null);
	}

	AccountForm withoutPassword() {
		return new AccountForm(this.username, this.displayName, this.role, this.organizationId, this.email, this.phone,
				this.title, null);
	}

	/**
	 * The chosen role; whether the user may give it is for the accounts module to say.
	 */
	Role roleValue() {
		return java.util.Arrays.stream(Role.values())
			.filter(candidate -> candidate.name().equals(this.role))
			.findFirst()
			.orElse(null);
	}

	public boolean isRole(Role candidate) {
		return candidate.name().equals(this.role);
	}

	public boolean isOrganization(UUID candidate) {
		return candidate.toString().equals(this.organizationId);
	}

	boolean organizationBlank() {
		return this.organizationId == null || this.organizationId.isBlank();
	}

	UUID organizationValue() {
		try {
			return organizationBlank() ? null : UUID.fromString(this.organizationId.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
