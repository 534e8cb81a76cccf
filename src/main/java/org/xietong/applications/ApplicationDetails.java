package org.xietong.applications;

import java.util.List;

import org.xietong.shared.Money;

/**
 * An application's content as a request sends it: every field may be missing in a draft.
 */
public record ApplicationDetails(String title, String summary, String plan, String expectedOutcomes, List<Member> team,
		List<Line> budget) {

	/** A team member as sent: {@code role} is what the member does in the project. */
	public record Member(String name, String title, String organization, String role) {
	}

	/** A budget line as sent. */
	public record Line(String category, Money amount) {
	}

}
