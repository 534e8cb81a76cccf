package org.xietong.applications;

import java.util.List;

import org.xietong.shared.Money;

/**
 * What a teacher writes in an application, as checked for a draft: each text within its
 * length, each amount not negative; blanks allowed until submission.
 */
record ApplicationContent(String title, String summary, String plan, String expectedOutcomes, List<TeamMember> team,
		List<BudgetLine> budget) {

	ApplicationContent {
		team = List.copyOf(team);
		budget = List.copyOf(budget);
	}

	Money budgetTotal() {
		return this.budget.stream().map(BudgetLine::amount).reduce(Money.ZERO, Money::plus);
	}

	/** A one-line account for the audit trail. */
	String summaryLine() {
		return "title=" + this.title + ", team=" + this.team.size() + ", budget=" + budgetTotal() + " in "
				+ this.budget.size() + " lines";
	}

}
