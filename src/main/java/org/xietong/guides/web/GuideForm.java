package org.xietong.guides.web;

import java.util.ArrayList;
import java.util.List;

import org.xietong.guides.GuideDetails;
import org.xietong.guides.GuideView;
import org.xietong.organizations.EnterpriseView;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * A guide's form as typed: every field text, so that what was typed comes back unchanged
 * when something is wrong. Amounts may carry a ¥ sign and thousands separators.
 */
public record GuideForm(String type, String title, String direction, String industry, String description,
		String requirements, String projectsOffered, String cashPerProject, String hardwareSoftwarePerProject,
		String contactName, String contactPhone, String contactEmail, Long version) {

	/** A new guide's form, its contact the enterprise's designated one. */
	static GuideForm blank(EnterpriseView enterprise) {
		return new GuideForm(null, null, null, null, null, null, "1", null, "0", enterprise.contact().name(),
				enterprise.contact().phone(), enterprise.contact().email(), null);
	}

	static GuideForm of(GuideView guide) {
		return new GuideForm(guide.type().name(), guide.title(), guide.direction(), guide.industry(),
				guide.description(), guide.requirements(), Integer.toString(guide.projectsOffered()),
				guide.cashPerProject().toString(), guide.hardwareSoftwarePerProject().toString(),
				guide.contact().name(), guide.contact().phone(), guide.contact().email(), guide.version());
	}

	GuideDetails details() {
		return new GuideDetails(this.type, this.title, this.direction, this.industry, this.description,
				this.requirements, integer(this.projectsOffered), money(this.cashPerProject),
				money(this.hardwareSoftwarePerProject),
				new GuideDetails.Contact(this.contactName, this.contactPhone, this.contactEmail));
	}

	/** What cannot be read at all: the service never sees it, so the form reports it. */
	List<FieldViolation> formatProblems() {
		List<FieldViolation> problems = new ArrayList<>();
		if (!blank(this.projectsOffered) && integer(this.projectsOffered) == null) {
			problems.add(new FieldViolation("projectsOffered", "PROJECTS_OFFERED_RANGE", "a whole number"));
		}
		if (!blank(this.cashPerProject) && money(this.cashPerProject) == null) {
			problems.add(new FieldViolation("cashPerProject", "INVALID_AMOUNT", "not an amount of yuan"));
		}
		if (!blank(this.hardwareSoftwarePerProject) && money(this.hardwareSoftwarePerProject) == null) {
			problems.add(new FieldViolation("hardwareSoftwarePerProject", "INVALID_AMOUNT", "not an amount of yuan"));
		}
		return problems;
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

	private static Integer integer(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
