package org.xietong.applications.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.xietong.applications.ApplicationDetails;
import org.xietong.applications.ApplicationView;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * An application's form as typed: every field text, so that what was typed comes back
 * unchanged when something is wrong. The team and the budget arrive as parallel lists of
 * repeated fields ({@code memberName}, {@code lineAmount}, ...), one entry per row in the
 * order shown, so that removing a row in the page leaves no gap.
 */
public record ApplicationForm(String title, String summary, String plan, String expectedOutcomes, List<Member> team,
		List<Line> budget, String version) {

	/** A team member's row as typed. */
	public record Member(String name, String title, String organization, String role) {
	}

	/** A budget line's row as typed. */
	public record Line(String category, String amount) {
	}

	static ApplicationForm of(ApplicationView application) {
		return new ApplicationForm(application.title(), application.summary(), application.plan(),
				application.expectedOutcomes(),
				application.team()
					.stream()
					.map(m -> new Member(m.name(), m.title(), m.organization(), m.role()))
					.toList(),
				application.budget().stream().map(l -> new Line(l.category(), l.amount().toString())).toList(),
				Long.toString(application.version()));
	}

	/** The form as the browser posted it. */
	static ApplicationForm of(MultiValueMap<String, String> fields) {
		List<String> names = values(fields, "memberName");
		List<String> titles = values(fields, "memberTitle");
		List<String> organizations = values(fields, "memberOrganization");
		List<String> roles = values(fields, "memberRole");
		int members = Math.max(Math.max(names.size(), titles.size()), Math.max(organizations.size(), roles.size()));
		List<Member> team = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			team.add(new Member(at(names, i), at(titles, i), at(organizations, i), at(roles, i)));
		}
		List<String> categories = values(fields, "lineCategory");
		List<String> amounts = values(fields, "lineAmount");
		List<Line> budget = new ArrayList<>();
		for (int i = 0; i < Math.max(categories.size(), amounts.size()); i++) {
			budget.add(new Line(at(categories, i), at(amounts, i)));
		}
		return new ApplicationForm(fields.getFirst("title"), fields.getFirst("summary"), fields.getFirst("plan"),
				fields.getFirst("expectedOutcomes"), team, budget, fields.getFirst("version"));
	}

	ApplicationDetails details() {
		return new ApplicationDetails(this.title, this.summary, this.plan, this.expectedOutcomes,
				this.team.stream()
					.map(m -> new ApplicationDetails.Member(m.name(), m.title(), m.organization(), m.role()))
					.toList(),
				this.budget.stream()
					.map(l -> new ApplicationDetails.Line(l.category(),
							blank(l.amount()) ? Money.ZERO : money(l.amount())))
					.toList());
	}

	/** The version read, or {@code null} when the form carried none that can be read. */
	Long versionRead() {
		if (blank(this.version)) {
			return null;
		}
		try {
			return Long.valueOf(this.version.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** What cannot be read at all: the service never sees it, so the form reports it. */
	List<FieldViolation> formatProblems() {
		List<FieldViolation> problems = new ArrayList<>();
		for (int i = 0; i < this.budget.size(); i++) {
			String amount = this.budget.get(i).amount();
			if (!blank(amount) && money(amount) == null) {
				problems.add(new FieldViolation("budget[" + i + "].amount", "INVALID_AMOUNT", "not an amount of yuan"));
			}
		}
		return problems;
	}

	/** The budget's total as typed so far, unreadable amounts left out. */
	Money total() {
		return this.budget.stream()
			.map(Line::amount)
			.filter(amount -> !blank(amount))
			.map(ApplicationForm::money)
			.filter(amount -> amount != null)
			.reduce(Money.ZERO, Money::plus);
	}

	public String text(String value) {
		return (value == null) ? "" : value;
	}

	/**
	 * An amount as people type it ({@code ¥10,000.00}, {@code 10000}), or {@code null}.
	 */
	static Money money(String text) {
		if (blank(text)) {
			return null;
		}
		String plain = text.trim().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").trim();
		try {
			return Money.of(plain);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<String> values(MultiValueMap<String, String> fields, String name) {
		List<String> values = fields.get(name);
		return (values == null) ? List.of() : values;
	}

	private static String at(List<String> values, int index) {
		return (index < values.size() && values.get(index) != null) ? values.get(index) : "";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
