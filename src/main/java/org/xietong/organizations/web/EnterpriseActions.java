package org.xietong.organizations.web;

import org.xietong.organizations.EnterpriseStatus;

/**
 * What the department may do to an enterprise in its present status: exactly the moves
 * its transition table allows, so that the page offers no button the service would
 * refuse.
 */
public record EnterpriseActions(boolean approve, boolean returnForCorrection, boolean reject, boolean blacklist,
		boolean unblacklist) {

	public static EnterpriseActions of(EnterpriseStatus status) {
		boolean listed = status == EnterpriseStatus.BLACKLISTED;
		return new EnterpriseActions(!listed && status.canMoveTo(EnterpriseStatus.APPROVED),
				!listed && status.canMoveTo(EnterpriseStatus.RETURNED),
				!listed && status.canMoveTo(EnterpriseStatus.REJECTED), status.canMoveTo(EnterpriseStatus.BLACKLISTED),
				listed);
	}

	public boolean any() {
		return this.approve || this.returnForCorrection || this.reject || this.blacklist || this.unblacklist;
	}

}
