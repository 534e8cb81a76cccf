package org.xietong.accounts;

/**
 * The roles of the platform. The three department roles are kept apart (三权分立): the system
 * administrator runs accounts and settings, the audit administrator only reads the trail,
 * the department officer runs the business.
 */
public enum Role {

	DEPARTMENT_OFFICER, SYSTEM_ADMIN, AUDIT_ADMIN, ENTERPRISE_CONTACT, UNIVERSITY_ADMIN, TEACHER, EXPERT;

	/** The Spring Security authority, {@code ROLE_<name>}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Whether the role belongs to the department itself rather than to a university or
	 * enterprise.
	 */
	public boolean isDepartmentRole() {
		return switch (this) {
			case DEPARTMENT_OFFICER, SYSTEM_ADMIN, AUDIT_ADMIN -> true;
			case ENTERPRISE_CONTACT, UNIVERSITY_ADMIN, TEACHER, EXPERT -> false;
		};
	}

}
