package org.xietong.accounts;

import java.util.EnumSet;
import java.util.Set;

import org.xietong.shared.DomainException;

/**
 * Who may create and manage whose account (三权分立): the system administrator manages every
 * account but an audit administrator's, and creates no enterprise contact or teacher
 * (those come from their organisation); an audit administrator manages only audit
 * administrators, so that no one else can become one.
 */
final class AdministrationPolicy {

	private static final Set<Role> SYSTEM_ADMIN_CREATES = EnumSet.of(Role.DEPARTMENT_OFFICER, Role.SYSTEM_ADMIN,
			Role.UNIVERSITY_ADMIN, Role.EXPERT);

	private AdministrationPolicy() {
	}

	/**
	 * Refuses with 403 {@code ROLE_NOT_ASSIGNABLE} a role the administrator may not
	 * create.
	 */
	static void requireMayCreate(CurrentUser by, Role role) {
		if (role != null && !creatable(by.role()).contains(role)) {
			throw new DomainException(403, "ROLE_NOT_ASSIGNABLE", switch (role) {
				case AUDIT_ADMIN -> "only an audit administrator creates an audit administrator";
				case ENTERPRISE_CONTACT -> "enterprise contacts come from the enterprise's registration";
				case TEACHER -> "teachers are created by their university's administrator";
				default -> "a " + by.role() + " cannot create a " + role;
			});
		}
	}

	/**
	 * Refuses with 403 {@code ACCOUNT_NOT_MANAGEABLE} an account out of the
	 * administrator's reach.
	 */
	static void requireMayManage(CurrentUser by, Role target) {
		boolean allowed = switch (by.role()) {
			case SYSTEM_ADMIN -> target != Role.AUDIT_ADMIN;
			case AUDIT_ADMIN -> target == Role.AUDIT_ADMIN;
			case DEPARTMENT_OFFICER, ENTERPRISE_CONTACT, UNIVERSITY_ADMIN, TEACHER, EXPERT -> false;
		};
		if (!allowed) {
			throw new DomainException(403, "ACCOUNT_NOT_MANAGEABLE",
					"a " + by.role() + " cannot manage a " + target + " account");
		}
	}

	/** The roles whose every change the audit administrators are told of. */
	static boolean privileged(Role role) {
		return role.isDepartmentRole();
	}

	private static Set<Role> creatable(Role by) {
		return switch (by) {
			case SYSTEM_ADMIN -> SYSTEM_ADMIN_CREATES;
			case AUDIT_ADMIN -> EnumSet.of(Role.AUDIT_ADMIN);
			case DEPARTMENT_OFFICER, ENTERPRISE_CONTACT, UNIVERSITY_ADMIN, TEACHER, EXPERT ->
				EnumSet.noneOf(Role.class);
		};
	}

}
