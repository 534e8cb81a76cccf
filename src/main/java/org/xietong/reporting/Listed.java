package org.xietong.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How the rows behind a figure are listed: their columns (a header's message key, and the
 * message prefix that names a code such as a status), their order, and where each row's
 * own page is.
 */
public enum Listed {

	GUIDES("g.id, g.title, g.enterprise_name, g.project_type, g.direction, g.industry, g.projects_offered, "
			+ "g.cash_per_project, g.status", "g.enterprise_name, g.title, g.id", "/guides/",
			List.of(new Column("statistics.column.guide", null), new Column("statistics.column.enterprise", null),
					new Column("statistics.column.type", "projectType."),
					new Column("statistics.column.direction", null), new Column("statistics.column.industry", null),
					new Column("statistics.column.projectsOffered", null),
					new Column("statistics.column.cashPerProject", null),
					new Column("statistics.column.status", "guideStatus."))),

	APPLICATIONS(
			"a.id, a.application_number, a.title, a.leader_name, a.university_name, a.enterprise_name, "
					+ "a.project_type, a.status",
			"a.application_number, a.id", "/applications/",
			List.of(new Column("statistics.column.applicationNumber", null),
					new Column("statistics.column.title", null), new Column("statistics.column.leader", null),
					new Column("statistics.column.university", null), new Column("statistics.column.enterprise", null),
					new Column("statistics.column.type", "projectType."),
					new Column("statistics.column.status", "applicationStatus."))),

	PROJECTS(
			"p.id, p.project_number, p.title, p.leader_name, p.university_name, p.enterprise_name, p.project_type, "
					+ "p.status",
			"p.number_prefix, p.number_sequence, p.id", "/projects/",
			List.of(new Column("statistics.column.projectNumber", null), new Column("statistics.column.title", null),
					new Column("statistics.column.leader", null), new Column("statistics.column.university", null),
					new Column("statistics.column.enterprise", null),
					new Column("statistics.column.type", "projectType."),
					new Column("statistics.column.status", "projectStatus."))),

	/** The distinct enterprises among a figure's guides, each with how many it has. */
	ENTERPRISES("g.enterprise_id, MIN(g.enterprise_name), COUNT(*)", "MIN(g.enterprise_name), g.enterprise_id",
			"/enterprises/",
			List.of(new Column("statistics.column.enterprise", null), new Column("statistics.column.guides", null)));

	private final String columns;

	private final String order;

	private final String link;

	private final List<Column> headers;

	Listed(String columns, String order, String link, List<Column> headers) {
		this.columns = columns;
		this.order = order;
		this.link = link;
		this.headers = headers;
	}

	public static Listed of(Measure measure) {
		if (measure.aggregate() == Measure.Aggregate.DISTINCT) {
			return ENTERPRISES;
		}
		return switch (measure.counted()) {
			case GUIDES -> GUIDES;
			case APPLICATIONS -> APPLICATIONS;
			case PROJECTS -> PROJECTS;
		};
	}

	public List<Column> headers() {
		return this.headers;
	}

	String countSql() {
		return (this == ENTERPRISES) ? "COUNT(DISTINCT g.enterprise_id)" : "COUNT(*)";
	}

	String sumSql(Measure measure) {
		return hasAmount(measure) ? "SUM(" + measure.expression() + ")" : "CAST(NULL AS NUMERIC)";
	}

	String columns(Measure measure) {
		return this.columns + ", " + (hasAmount(measure) ? measure.expression() : "CAST(NULL AS NUMERIC)");
	}

	String groupBy() {
		return (this == ENTERPRISES) ? " GROUP BY g.enterprise_id" : "";
	}

	String order() {
		return this.order;
	}

	private boolean hasAmount(Measure measure) {
		return this != ENTERPRISES && measure.expression() != null;
	}

	Line line(ResultSet rs) throws SQLException {
		UUID id = rs.getObject(1, UUID.class);
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < this.headers.size(); i++) {
			Object value = rs.getObject(i + 2);
			cells.add((value == null) ? ""
					: (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString());
		}
		BigDecimal amount = rs.getBigDecimal(this.headers.size() + 2);
		return new Line(id, this.link + id, cells, amount);
	}

	/**
	 * A column of a list.
	 *
	 * @param messageKey its header's message key
	 * @param codePrefix the message prefix naming its values, or {@code null} when they
	 * are shown as they are
	 */
	public record Column(String messageKey, String codePrefix) {

	}

	/**
	 * One row behind a figure.
	 *
	 * @param id the row's id
	 * @param link its own page
	 * @param cells its columns, as the headers say
	 * @param amount what it adds to an amount's figure, or {@code null}
	 */
	public record Line(UUID id, String link, List<String> cells, BigDecimal amount) {

	}

}
