package org.xietong.reporting;

import static org.xietong.reporting.Measure.*;

import java.util.List;

/**
 * The tables that break a batch's figures down, as the API names them: the dimension, the
 * field holding the row's id or value, and each column's field with its figure.
 */
public enum Breakdown {

	BY_UNIVERSITY("byUniversity", Dimension.UNIVERSITY, "universityId",
			List.of(column("submitted", SUBMITTED), column("endorsed", ENDORSED), column("selected", SELECTED),
					column("recommended", RECOMMENDED), column("approved", APPROVED), column("key", KEY),
					column("projects", PROJECTS), column("completed", COMPLETED))),

	BY_ENTERPRISE("byEnterprise", Dimension.ENTERPRISE, "enterpriseId",
			List.of(column("guides", GUIDES_PUBLISHED), column("projectsOffered", PROJECTS_OFFERED),
					column("cashOffered", CASH_OFFERED), column("received", ENDORSED), column("selected", SELECTED),
					column("approved", APPROVED), column("projects", PROJECTS), column("cashAgreed", CASH_AGREED),
					column("cashPaid", CASH_PAID))),

	BY_TYPE("byType", Dimension.TYPE, "type",
			List.of(column("guides", GUIDES_PUBLISHED), column("projectsOffered", PROJECTS_OFFERED),
					column("cashOffered", CASH_OFFERED), column("submitted", SUBMITTED), column("endorsed", ENDORSED),
					column("approved", APPROVED), column("key", KEY), column("projects", PROJECTS),
					column("completed", COMPLETED))),

	BY_DIRECTION("byDirection", Dimension.DIRECTION, "direction", BY_TYPE.columns),

	BY_INDUSTRY("byIndustry", Dimension.INDUSTRY, "industry", BY_TYPE.columns),

	BY_TEACHER("byTeacher", Dimension.TEACHER, "teacherId",
			List.of(column("submitted", SUBMITTED), column("endorsed", ENDORSED), column("approved", APPROVED),
					column("projects", PROJECTS), column("completed", COMPLETED))),

	BY_GUIDE("byGuide", Dimension.GUIDE, "guideId",
			List.of(column("projectsOffered", PROJECTS_OFFERED), column("received", ENDORSED),
					column("selected", SELECTED), column("approved", APPROVED), column("projects", PROJECTS),
					column("cashPaid", CASH_PAID)));

	private final String field;

	private final Dimension dimension;

	private final String idField;

	private final List<Column> columns;

	Breakdown(String field, Dimension dimension, String idField, List<Column> columns) {
		this.field = field;
		this.dimension = dimension;
		this.idField = idField;
		this.columns = columns;
	}

	private static Column column(String field, Measure measure) {
		return new Column(field, measure);
	}

	/** Its field in the API's answer, e.g. {@code byUniversity}. */
	public String field() {
		return this.field;
	}

	public Dimension dimension() {
		return this.dimension;
	}

	public String idField() {
		return this.idField;
	}

	public List<Column> columns() {
		return this.columns;
	}

	/** The columns a scope may see: a university sees no guides' figures. */
	public List<Column> columns(Scope scope) {
		return this.columns.stream()
			.filter(column -> scope.university() == null || column.measure().counted() != Counted.GUIDES)
			.toList();
	}

	List<Measure> measures(Scope scope) {
		return columns(scope).stream().map(Column::measure).toList();
	}

	/**
	 * Whether the rows name their value by id (a university) rather than by itself (a
	 * type).
	 */
	public boolean isNamed() {
		return this.dimension.isId();
	}

	/**
	 * A column of a breakdown.
	 *
	 * @param field its field in the API's rows
	 * @param measure the figure it shows
	 */
	public record Column(String field, Measure measure) {

	}

}
