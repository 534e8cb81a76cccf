package org.xietong.applications.web;

import java.util.List;

import org.xietong.applications.ApplicationDetails;

/** An application as a request sends it, with the version read when changing one. */
record ApplicationRequest(Long version, String title, String summary, String plan, String expectedOutcomes,
		List<ApplicationDetails.Member> team, List<ApplicationDetails.Line> budget) {

	ApplicationDetails details() {
		return new ApplicationDetails(this.title, this.summary, this.plan, this.expectedOutcomes, this.team,
				this.budget);
	}

}
