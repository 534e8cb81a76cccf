package org.xietong.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WHERE clause of a list's query, built from the filters that are set: each condition
 * with its named parameter, and text matched as a case-insensitive substring with
 * {@code %}, {@code _} and {@code \} taken literally ({@link #containing(String)}).
 */
public final class SqlWhere {

	private final StringBuilder sql;

	private final Map<String, Object> params = new LinkedHashMap<>();

	public SqlWhere(String first) {
		this.sql = new StringBuilder(first);
	}

	/** Adds {@code condition} with its parameter, unless {@code value} is null. */
	public SqlWhere and(String condition, String name, Object value) {
		if (value != null) {
			this.sql.append(" AND ").append(condition);
			this.params.put(name, value);
		}
		return this;
	}

	/** Adds a parameter that the first condition uses. */
	public SqlWhere with(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	/**
	 * Adds {@code column LIKE :name} for a part of {@code text} (the column holds lower
	 * case), unless the text is blank.
	 */
	public SqlWhere contains(String column, String name, String text) {
		if (text != null && !text.isBlank()) {
			this.sql.append(" AND ").append(column).append(" LIKE :").append(name).append(" ESCAPE '\\'");
			this.params.put(name, containing(text.strip().toLowerCase(Locale.ROOT)));
		}
		return this;
	}

	/**
	 * The pattern for {@code LIKE :p ESCAPE '\'} that finds {@code text} anywhere, with
	 * its own {@code %}, {@code _} and {@code \} taken literally: every search built from
	 * a user's text goes through here.
	 */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public String sql() {
		return this.sql.toString();
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		return spec.params(this.params);
	}

}
