package org.xietong.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every figure the statistics show: which rows it counts, which of them (a SQL condition
 * on {@link Counted}'s base), and whether it counts them, sums an amount over them or
 * counts the distinct enterprises among them. The lists a figure links to select by the
 * same condition, so each figure equals its list's total by construction, and the tests
 * check that it also equals what the seeded lifecycle made.
 */
public enum Measure {

	ENTERPRISES_PARTICIPATING("enterprises.participating", Counted.GUIDES, "g.status = 'PUBLISHED'", Aggregate.DISTINCT,
			"g.enterprise_id"),

	GUIDES_SUBMITTED("guides.submitted", Counted.GUIDES, "g.submitted_at IS NOT NULL"),

	GUIDES_PUBLISHED("guides.published", Counted.GUIDES, "g.status = 'PUBLISHED'"),

	GUIDES_REVOKED("guides.revoked", Counted.GUIDES, "g.status = 'REVOKED'"),

	PROJECTS_OFFERED("guides.projectsOffered", Counted.GUIDES, "g.status = 'PUBLISHED'", Aggregate.SUM,
			"g.projects_offered"),

	CASH_OFFERED("guides.cashOffered", Counted.GUIDES, "g.status = 'PUBLISHED'", Aggregate.MONEY,
			"g.cash_per_project * g.projects_offered"),

	HARDWARE_SOFTWARE_OFFERED("guides.hardwareSoftwareOffered", Counted.GUIDES, "g.status = 'PUBLISHED'",
			Aggregate.MONEY, "g.hardware_software_per_project * g.projects_offered"),

	DRAFTS("applications.drafts", Counted.APPLICATIONS, "a.status = 'DRAFT'"),

	SUBMITTED("applications.submitted", Counted.APPLICATIONS, "a.status NOT IN ('DRAFT', 'WITHDRAWN')"),

	ENDORSED("applications.endorsed", Counted.APPLICATIONS, "a.status IN " + Stages.ENDORSED),

	REVIEWED("applications.reviewed", Counted.APPLICATIONS, "a.status IN " + Stages.REVIEWED),

	SELECTED("applications.selected", Counted.APPLICATIONS, "a.status IN " + Stages.SELECTED),

	RECOMMENDED("applications.recommended", Counted.APPLICATIONS,
			"a.status IN ('RECOMMENDED', 'APPROVED', 'REJECTED')"),

	APPROVED("applications.approved", Counted.APPLICATIONS, "d.outcome = 'APPROVED'"),

	KEY("applications.key", Counted.APPLICATIONS, "d.outcome = 'APPROVED' AND d.key_project"),

	REJECTED("applications.rejected", Counted.APPLICATIONS, "d.outcome = 'REJECTED'"),

	WITHDRAWN("applications.withdrawn", Counted.APPLICATIONS, "a.status = 'WITHDRAWN'"),

	PROJECTS("projects.total", Counted.PROJECTS, "TRUE"),

	KEY_PROJECTS("projects.key", Counted.PROJECTS, "p.key_project"),

	AWAITING_AGREEMENT("projects.awaitingAgreement", Counted.PROJECTS, "p.status = 'APPROVED'"),

	IN_PROGRESS("projects.inProgress", Counted.PROJECTS, "p.status IN " + Stages.RUNNING),

	COMPLETED("projects.completed", Counted.PROJECTS, "p.status = 'COMPLETED'"),

	FAILED("projects.failed", Counted.PROJECTS, "p.status = 'FAILED'"),

	TERMINATED("projects.terminated", Counted.PROJECTS, "p.status = 'TERMINATED'"),

	OVERDUE("projects.overdue", Counted.PROJECTS,
			"p.status IN ('IN_PROGRESS', 'RECTIFYING') AND p.ends_on < " + Stages.TODAY),

	AGREEMENTS_SIGNED("projects.agreementsSigned", Counted.PROJECTS, "ag.status = 'CONFIRMED'"),

	COMPLETIONS_REQUESTED("projects.completionsRequested", Counted.PROJECTS, "c.project_id IS NOT NULL"),

	COMPLETIONS_PASSED("projects.completionsPassed", Counted.PROJECTS, "c.conclusion = 'PASS'"),

	COMPLETIONS_FAILED("projects.completionsFailed", Counted.PROJECTS, "c.conclusion = 'FAIL'"),

	CERTIFICATES("projects.certificates", Counted.PROJECTS, "cc.project_id IS NOT NULL"),

	CASH_APPROVED("funds.cashApproved", Counted.PROJECTS, "TRUE", Aggregate.MONEY, "p.cash"),

	HARDWARE_SOFTWARE_APPROVED("funds.hardwareSoftwareApproved", Counted.PROJECTS, "TRUE", Aggregate.MONEY,
			"p.hardware_software"),

	CASH_AGREED("funds.cashAgreed", Counted.PROJECTS, "ag.status = 'CONFIRMED'", Aggregate.MONEY, "ag.cash_total"),

	CASH_PAID("funds.cashPaid", Counted.PROJECTS, "m.cash_paid IS NOT NULL", Aggregate.MONEY, "m.cash_paid"),

	CASH_CONFIRMED("funds.cashConfirmed", Counted.PROJECTS, "m.cash_confirmed IS NOT NULL", Aggregate.MONEY,
			"m.cash_confirmed"),

	HARDWARE_SOFTWARE_AGREED("funds.hardwareSoftwareAgreed", Counted.PROJECTS, "ag.status = 'CONFIRMED'",
			Aggregate.MONEY, "ag.hardware_software_total"),

	HARDWARE_SOFTWARE_PAID("funds.hardwareSoftwarePaid", Counted.PROJECTS, "m.hs_paid IS NOT NULL", Aggregate.MONEY,
			"m.hs_paid"),

	HARDWARE_SOFTWARE_CONFIRMED("funds.hardwareSoftwareConfirmed", Counted.PROJECTS, "m.hs_confirmed IS NOT NULL",
			Aggregate.MONEY, "m.hs_confirmed"),

	FUNDS_OVERDUE("funds.overdue", Counted.PROJECTS,
			"ag.status = 'CONFIRMED' AND p.status IN " + Stages.RUNNING + " AND ag.funds_due_on < " + Stages.TODAY
					+ " AND (COALESCE(m.cash_paid, 0) < ag.cash_total"
					+ " OR COALESCE(m.hs_paid, 0) < ag.hardware_software_total)");

	/** How a figure aggregates its rows. */
	enum Aggregate {

		COUNT, SUM, MONEY, DISTINCT

	}

	private final String key;

	private final Counted counted;

	private final String condition;

	private final Aggregate aggregate;

	private final String expression;

	Measure(String key, Counted counted, String condition) {
		this(key, counted, condition, Aggregate.COUNT, null);
	}

	Measure(String key, Counted counted, String condition, Aggregate aggregate, String expression) {
		this.key = key;
		this.counted = counted;
		this.condition = condition;
		this.aggregate = aggregate;
		this.expression = expression;
	}

	/**
	 * Its stable name, e.g. {@code applications.endorsed}: the API's field and the lists'
	 * parameter.
	 */
	public String key() {
		return this.key;
	}

	/** The field's name inside its group, e.g. {@code endorsed}. */
	public String field() {
		return this.key.substring(this.key.indexOf('.') + 1);
	}

	public Counted counted() {
		return this.counted;
	}

	public boolean isMoney() {
		return this.aggregate == Aggregate.MONEY;
	}

	Aggregate aggregate() {
		return this.aggregate;
	}

	String condition() {
		return this.condition;
	}

	/** The amount a row adds to a summing figure, or {@code null} for a count. */
	public String expression() {
		return this.expression;
	}

	/** The aggregate as SQL over its base, restricted to its rows. */
	String sql() {
		return switch (this.aggregate) {
			case COUNT -> "COUNT(*) FILTER (WHERE " + this.condition + ")";
			case DISTINCT -> "COUNT(DISTINCT " + this.expression + ") FILTER (WHERE " + this.condition + ")";
			case SUM, MONEY -> "COALESCE(SUM(" + this.expression + ") FILTER (WHERE " + this.condition + "), 0)";
		};
	}

	static Optional<Measure> parse(String key) {
		return Arrays.stream(values()).filter(measure -> measure.key.equals(key)).findFirst();
	}

	/** The status sets several figures share. */
	private static final class Stages {

		static final String ENDORSED = "('ENDORSED', 'UNDER_REVIEW', 'SELECTED', 'NOT_SELECTED', 'RECOMMENDED', "
				+ "'APPROVED', 'REJECTED')";

		static final String REVIEWED = "('SELECTED', 'NOT_SELECTED', 'RECOMMENDED', 'APPROVED', 'REJECTED')";

		static final String SELECTED = "('SELECTED', 'RECOMMENDED', 'APPROVED', 'REJECTED')";

		static final String RUNNING = "('IN_PROGRESS', 'COMPLETION_REQUESTED', 'COMPLETION_CONSENTED', "
				+ "'UNDER_ACCEPTANCE', 'RECTIFYING')";

		/** The batch's today, in its own time zone, at the moment of counting. */
		static final String TODAY = "(CAST(:now AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE b.time_zone)::date";

	}

}
