package org.xietong.reporting;

/**
 * What a figure counts, with the rows it is counted over: each kind of row is read from
 * one base of tables, and every figure and every list of it reads the same base, so that
 * a figure always equals the total of its list.
 */
public enum Counted {

	/** The batch's guides, each with its enterprise. */
	GUIDES("""
			guides g""", "", "g.batch_id"),

	/** The batch's applications, with the department's decision and the guide. */
	APPLICATIONS("""
			applications a LEFT JOIN approval_decisions d ON d.application_id = a.id""", """
			JOIN guides g ON g.id = a.guide_id""", "a.batch_id"),

	/**
	 * The batch's published projects, with the agreement, what was paid, the completion
	 * and the certificate.
	 */
	PROJECTS("""
			projects p JOIN batches b ON b.id = p.batch_id
			LEFT JOIN project_agreements ag ON ag.project_id = p.id
			LEFT JOIN project_completions c ON c.project_id = p.id
			LEFT JOIN completion_certificates cc ON cc.project_id = p.id
			LEFT JOIN LATERAL (SELECT
			    SUM(f.amount) FILTER (WHERE f.kind = 'CASH') AS cash_paid,
			    SUM(f.amount) FILTER (WHERE f.kind = 'CASH' AND f.confirmed_at IS NOT NULL) AS cash_confirmed,
			    SUM(f.amount) FILTER (WHERE f.kind = 'HARDWARE_SOFTWARE') AS hs_paid,
			    SUM(f.amount) FILTER (WHERE f.kind = 'HARDWARE_SOFTWARE' AND f.confirmed_at IS NOT NULL) AS hs_confirmed
			  FROM project_disbursements f WHERE f.project_id = p.id) m ON TRUE""", """
			JOIN guides g ON g.id = p.guide_id""", "p.batch_id");

	private static final java.util.regex.Pattern GUIDE_COLUMN = java.util.regex.Pattern.compile("(?<![a-z_])g\\.");

	private final String from;

	private final String guides;

	private final String batchColumn;

	Counted(String from, String guides, String batchColumn) {
		this.from = from;
		this.guides = guides;
		this.batchColumn = batchColumn;
	}

	/**
	 * The base for a statement that reads {@code columns}: the guide is joined only when
	 * they name it ({@code g.}), so that a list of applications reads applications alone.
	 */
	String from(String columns) {
		return GUIDE_COLUMN.matcher(columns).find() ? this.from + "\n" + this.guides : this.from;
	}

	String batchColumn() {
		return this.batchColumn;
	}

}
