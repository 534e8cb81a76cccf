package org.xietong.applications.web;

import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationStatus;
import org.xietong.applications.ApplicationView;

/**
 * What the user may do on an application's page, as its status allows: its leader edits
 * and withdraws, its university endorses or returns a submitted one. Everyone else reads.
 */
public record DetailActions(boolean edit, boolean withdraw, boolean endorse, boolean returnToLeader) {

	static DetailActions of(CurrentUser user, ApplicationView application) {
		boolean leader = user.has(Role.TEACHER) && application.leaderId().equals(user.id());
		boolean university = user.has(Role.UNIVERSITY_ADMIN)
				&& application.universityId().equals(user.organizationId());
		boolean submitted = application.status() == ApplicationStatus.SUBMITTED;
		return new DetailActions(leader && application.status().isEditable(),
				leader && application.status().canMoveTo(ApplicationStatus.WITHDRAWN), university && submitted,
				university && submitted);
	}

	public boolean any() {
		return this.edit || this.withdraw || this.endorse || this.returnToLeader;
	}

}
