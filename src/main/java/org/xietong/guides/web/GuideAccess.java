package org.xietong.guides.web;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.shared.DomainException;

/**
 * Who may see and change a guide: everyone reads a published guide; the enterprise reads
 * and changes its own in every status; the department reads all and decides. Another
 * enterprise's unpublished guide is not found, exactly as if it did not exist; a role
 * that may never act gets 403.
 */
final class GuideAccess {

	private GuideAccess() {
	}

	static boolean isDepartment(CurrentUser user) {
		return user != null && user.has(Role.DEPARTMENT_OFFICER);
	}

	static boolean isOwner(CurrentUser user, GuideView guide) {
		return user != null && user.has(Role.ENTERPRISE_CONTACT) && guide.enterpriseId().equals(user.organizationId());
	}

	/** The guide as the user may see it, or 404. */
	static GuideView readable(CurrentUser user, GuideView guide) {
		if (isDepartment(user) || isOwner(user, guide)) {
			return guide;
		}
		if (guide.status() == GuideStatus.PUBLISHED) {
			return guide.forPublic();
		}
		throw DomainException.notFound("guide");
	}

	/** The enterprise the user speaks for; 403 for any other role. */
	static UUID enterpriseOf(CurrentUser user) {
		if (user == null || !user.has(Role.ENTERPRISE_CONTACT) || user.organizationId() == null) {
			throw new AccessDeniedException("only an enterprise contact manages guides");
		}
		return user.organizationId();
	}

	static void requireDepartment(CurrentUser user) {
		if (!isDepartment(user)) {
			throw new AccessDeniedException("only the department reviews guides");
		}
	}

}
