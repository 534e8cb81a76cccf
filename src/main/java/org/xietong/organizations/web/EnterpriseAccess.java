package org.xietong.organizations.web;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.shared.DomainException;

/**
 * Who may see an enterprise's registration and documents: the department officer, and the
 * enterprise's own contact. Another enterprise gets 404, as if it did not exist; a role
 * that never may (the system administrator included) gets 403.
 */
final class EnterpriseAccess {

	private EnterpriseAccess() {
	}

	static void checkRead(CurrentUser user, UUID enterpriseId) {
		if (user.has(Role.DEPARTMENT_OFFICER)) {
			return;
		}
		checkOwn(user, enterpriseId);
	}

	static void checkOwn(CurrentUser user, UUID enterpriseId) {
		if (!user.has(Role.ENTERPRISE_CONTACT)) {
			throw new AccessDeniedException("not an enterprise contact");
		}
		if (!enterpriseId.equals(user.organizationId())) {
			throw DomainException.notFound("enterprise");
		}
	}

}
