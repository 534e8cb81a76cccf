package org.xietong.reporting;

import java.util.Locale;
import java.util.Optional;

/**
 * What figures are broken down by: the column that holds it on each kind of row (none
 * where the rows do not know it: a guide has no university) and the column that names it.
 */
public enum Dimension {

	UNIVERSITY(null, "a.university_id", "a.university_name", "p.university_id", "p.university_name"),

	ENTERPRISE("g.enterprise_id", "a.enterprise_id", "a.enterprise_name", "p.enterprise_id", "p.enterprise_name"),

	TYPE("g.project_type", "a.project_type", "a.project_type", "p.project_type", "p.project_type"),

	DIRECTION("g.direction", "g.direction", "g.direction", "g.direction", "g.direction"),

	INDUSTRY("g.industry", "g.industry", "g.industry", "g.industry", "g.industry"),

	TEACHER(null, "a.leader_id", "a.leader_name", "p.leader_id", "p.leader_name"),

	GUIDE("g.id", "g.id", "g.title", "g.id", "g.title");

	private final String guideColumn;

	private final String applicationColumn;

	private final String applicationName;

	private final String projectColumn;

	private final String projectName;

	Dimension(String guideColumn, String applicationColumn, String applicationName, String projectColumn,
			String projectName) {
		this.guideColumn = guideColumn;
		this.applicationColumn = applicationColumn;
		this.applicationName = applicationName;
		this.projectColumn = projectColumn;
		this.projectName = projectName;
	}

	/**
	 * The column holding this dimension on the rows of {@code counted}, if they know it.
	 */
	Optional<String> column(Counted counted) {
		return Optional.ofNullable(switch (counted) {
			case GUIDES -> this.guideColumn;
			case APPLICATIONS -> this.applicationColumn;
			case PROJECTS -> this.projectColumn;
		});
	}

	/** The column naming a value of this dimension on the rows of {@code counted}. */
	String nameColumn(Counted counted) {
		return switch (counted) {
			case GUIDES -> (this == GUIDE) ? "g.title" : (this == ENTERPRISE) ? "g.enterprise_name" : this.guideColumn;
			case APPLICATIONS -> this.applicationName;
			case PROJECTS -> this.projectName;
		};
	}

	/**
	 * Whether its values are ids (of an organisation, a teacher, a guide) rather than
	 * words.
	 */
	boolean isId() {
		return this == UNIVERSITY || this == ENTERPRISE || this == TEACHER || this == GUIDE;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Dimension> parse(String text) {
		for (Dimension dimension : values()) {
			if (dimension.key().equalsIgnoreCase(text) || dimension.name().equalsIgnoreCase(text)) {
				return Optional.of(dimension);
			}
		}
		return Optional.empty();
	}

}
