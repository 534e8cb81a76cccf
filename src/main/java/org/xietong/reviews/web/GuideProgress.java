package org.xietong.reviews.web;

import org.xietong.guides.GuideView;

/**
 * How far a guide's review has come, for the enterprise's list.
 *
 * @param applications the endorsed applications to the guide
 * @param assigned the experts assigned who have not declined
 * @param needed the experts the plan asks for in all, or {@code null} before a plan
 * @param submitted the scores submitted
 * @param state the selection's state: NONE, OPEN, NOTICE, REOPENED or CLOSED
 */
public record GuideProgress(GuideView guide, int applications, long assigned, Integer needed, long submitted,
		String state) {

	public boolean planned() {
		return this.needed != null;
	}

}
