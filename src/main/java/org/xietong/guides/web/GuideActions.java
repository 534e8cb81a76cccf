package org.xietong.guides.web;

import org.xietong.accounts.CurrentUser;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;

/** What the user may do to a guide in its status, as its page offers it. */
public record GuideActions(boolean edit, boolean withdraw, boolean approve, boolean returnForCorrection) {

	static GuideActions of(CurrentUser user, GuideView guide) {
		boolean owner = GuideAccess.isOwner(user, guide);
		boolean department = GuideAccess.isDepartment(user);
		GuideStatus status = guide.status();
		return new GuideActions(owner && status.isEditable(), owner && status.canMoveTo(GuideStatus.WITHDRAWN),
				department && status.canMoveTo(GuideStatus.APPROVED),
				department && status.canMoveTo(GuideStatus.RETURNED));
	}

	public boolean any() {
		return this.edit || this.withdraw || this.approve || this.returnForCorrection;
	}

}
