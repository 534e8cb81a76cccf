package org.xietong.reviews;

import org.springframework.security.access.AccessDeniedException;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;

/**
 * Who may act in a review: an enterprise contact for its guides, an expert for its
 * assignments.
 */
final class ReviewAccess {

	private ReviewAccess() {
	}

	static void requireEnterprise(CurrentUser user) {
		if (user == null || !user.has(Role.ENTERPRISE_CONTACT)) {
			throw new AccessDeniedException("for an enterprise contact");
		}
	}

	static void requireExpert(CurrentUser user) {
		if (user == null || !user.has(Role.EXPERT)) {
			throw new AccessDeniedException("for an expert");
		}
	}

}
