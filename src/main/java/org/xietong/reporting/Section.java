package org.xietong.reporting;

import static org.xietong.reporting.Measure.*;

import java.util.List;

/**
 * The groups of a scope's totals, as the API names them, each with its figures in order.
 */
public enum Section {

	ENTERPRISES("enterprises", List.of(ENTERPRISES_PARTICIPATING)),

	GUIDES("guides",
			List.of(GUIDES_SUBMITTED, GUIDES_PUBLISHED, GUIDES_REVOKED, PROJECTS_OFFERED, CASH_OFFERED,
					HARDWARE_SOFTWARE_OFFERED)),

	APPLICATIONS("applications",
			List.of(DRAFTS, SUBMITTED, ENDORSED, REVIEWED, SELECTED, RECOMMENDED, APPROVED, KEY, REJECTED, WITHDRAWN)),

	PROJECTS("projects",
			List.of(Measure.PROJECTS, KEY_PROJECTS, AWAITING_AGREEMENT, IN_PROGRESS, COMPLETED, FAILED, TERMINATED,
					OVERDUE, AGREEMENTS_SIGNED, COMPLETIONS_REQUESTED, COMPLETIONS_PASSED, COMPLETIONS_FAILED,
					CERTIFICATES)),

	FUNDS("funds", List.of(CASH_APPROVED, HARDWARE_SOFTWARE_APPROVED, CASH_AGREED, CASH_PAID, CASH_CONFIRMED,
			HARDWARE_SOFTWARE_AGREED, HARDWARE_SOFTWARE_PAID, HARDWARE_SOFTWARE_CONFIRMED, FUNDS_OVERDUE));

	private final String field;

	private final List<Measure> measures;

	Section(String field, List<Measure> measures) {
		this.field = field;
		this.measures = measures;
	}

	public String field() {
		return this.field;
	}

	public List<Measure> measures() {
		return this.measures;
	}

	/** The sections a scope sees: a university neither enterprises nor guides. */
	public static List<Section> of(Scope scope) {
		if (scope.university() != null) {
			return List.of(APPLICATIONS, PROJECTS, FUNDS);
		}
		if (scope.enterprise() != null) {
			return List.of(GUIDES, APPLICATIONS, PROJECTS, FUNDS);
		}
		return List.of(values());
	}

}
