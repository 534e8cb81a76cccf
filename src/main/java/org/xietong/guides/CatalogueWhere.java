package org.xietong.guides;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.xietong.shared.SqlWhere;

/**
 * A catalogue query's WHERE clause and its parameters; every value is a bound parameter.
 * Each clause is led by the status and batch that the catalogue's indexes begin with.
 */
record CatalogueWhere(String sql, Map<String, Object> params) {

	/**
	 * The WHERE clause of {@code query}; its text, when {@code indexed}, also through the
	 * gram index (the same rows: every guide containing the text holds all its grams).
	 */
	static CatalogueWhere of(GuideQuery query, boolean indexed) {
		StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		switch (query.scope()) {
			case PUBLISHED -> sql.append(" AND status = 'PUBLISHED'");
			case OWN -> {
				sql.append(" AND enterprise_id = :owner");
				params.put("owner", query.owner());
			}
			case ALL -> {
				// the department sees every status
			}
		}
		if (query.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", query.status().name());
		}
		if (query.batchId() != null) {
			sql.append(" AND batch_id = :batch");
			params.put("batch", query.batchId());
		}
		if (query.type() != null) {
			sql.append(" AND project_type = :type");
			params.put("type", query.type().name());
		}
		if (query.direction() != null) {
			sql.append(" AND direction = :direction");
			params.put("direction", query.direction());
		}
		if (query.industry() != null) {
			sql.append(" AND industry = :industry");
			params.put("industry", query.industry());
		}
		if (query.enterprise() != null) {
			UUID enterpriseId = uuid(query.enterprise());
			if (enterpriseId != null) {
				sql.append(" AND enterprise_id = :enterpriseId");
				params.put("enterpriseId", enterpriseId);
			}
			else {
				sql.append(" AND LOWER(enterprise_name) LIKE :enterpriseName ESCAPE '\\'");
				params.put("enterpriseName", contains(query.enterprise()));
			}
		}
		if (query.minCash() != null) {
			sql.append(" AND cash_per_project >= :minCash");
			params.put("minCash", query.minCash().amount());
		}
		if (query.text() != null) {
			if (indexed) {
				sql.append(" AND search_grams @> guide_query_grams(:grams)");
				params.put("grams", lower(query.text()));
			}
			sql.append(" AND search_text LIKE :text ESCAPE '\\'");
			params.put("text", contains(query.text()));
		}
		return new CatalogueWhere(sql.toString(), params);
	}

	/** The text as the search reads it: lower case, as search_text is stored. */
	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	private static String contains(String text) {
		return SqlWhere.containing(lower(text));
	}

	private static UUID uuid(String text) {
		try {
			return (text.length() == 36) ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
