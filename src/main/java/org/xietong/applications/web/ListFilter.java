package org.xietong.applications.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationStatus;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * A list page's filters as typed into its GET form: batch, guide, status ({@code ALL} for
 * every status), type, enterprise and text. Every value stays text so that the form shows
 * what was chosen; a parameter left out entirely may take the page's default.
 */
public record ListFilter(String batchId, String guideId, String status, String type, String enterpriseId, String q) {

	/** The same filter with {@code fallback} as the status when none was chosen. */
	ListFilter withDefaultStatus(ApplicationStatus fallback) {
		return (this.status == null)
				? new ListFilter(this.batchId, this.guideId, fallback.name(), this.type, this.enterpriseId, this.q)
				: this;
	}

	/**
	 * The same filter with {@code fallback} as the batch when the parameter was left out.
	 */
	ListFilter withDefaultBatch(UUID fallback) {
		return (this.batchId == null && fallback != null)
				? new ListFilter(fallback.toString(), this.guideId, this.status, this.type, this.enterpriseId, this.q)
				: this;
	}

	/**
	 * The query within {@code scope}; refuses every value that cannot be read, at once.
	 */
	ApplicationQuery query(ApplicationQuery.Scope scope) {
		List<FieldViolation> violations = new ArrayList<>();
		UUID batch = uuid("batchId", this.batchId, violations);
		UUID guide = uuid("guideId", this.guideId, violations);
		UUID enterprise = uuid("enterpriseId", this.enterpriseId, violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		String chosenStatus = ("ALL".equals(this.status)) ? null : this.status;
		return new ApplicationFilter(batch, guide, chosenStatus, this.type, enterprise, this.q).query(scope);
	}

	/** The chosen batch, when one that can be read is chosen. */
	UUID batch() {
		try {
			return blank(this.batchId) ? null : UUID.fromString(this.batchId.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public boolean isBatch(UUID id) {
		return id.toString().equals(text(this.batchId).trim());
	}

	public boolean isGuide(UUID id) {
		return id.toString().equals(text(this.guideId).trim());
	}

	public boolean isEnterprise(UUID id) {
		return id.toString().equals(text(this.enterpriseId).trim());
	}

	public boolean isStatus(String name) {
		return name.equals(text(this.status).trim());
	}

	public boolean isType(String name) {
		return name.equals(text(this.type).trim());
	}

	public String qValue() {
		return text(this.q);
	}

	/**
	 * The filters as query parameters, each starting with {@code &}, for paging and
	 * export.
	 */
	public String queryString() {
		StringBuilder query = new StringBuilder();
		append(query, "batchId", this.batchId);
		append(query, "guideId", this.guideId);
		append(query, "status", this.status);
		append(query, "type", this.type);
		append(query, "enterpriseId", this.enterpriseId);
		append(query, "q", this.q);
		return query.toString();
	}

	private static void append(StringBuilder query, String name, String value) {
		if (value != null) {
			query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static UUID uuid(String field, String value, List<FieldViolation> violations) {
		if (blank(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "INVALID", "not an id"));
			return null;
		}
	}

	private static String text(String value) {
		return (value == null) ? "" : value;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
