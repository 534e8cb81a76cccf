package org.xietong.guides.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.guides.GuideQuery;
import org.xietong.guides.GuideSort;
import org.xietong.guides.GuideStatus;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * The catalogue's filters as typed into a GET form or a query string: batch, type,
 * direction, industry, enterprise (id or part of the name), least cash per project, text,
 * order and status. Every value stays text so that the form shows what was typed.
 */
public record CatalogueFilter(String batchId, String type, String direction, String industry, String enterprise,
		String minCash, String q, String sort, String status) {

	public static CatalogueFilter empty() {
		return new CatalogueFilter(null, null, null, null, null, null, null, null, null);
	}

	/** The same filter for another batch. */
	CatalogueFilter forBatch(UUID batch) {
		return new CatalogueFilter(batch == null ? null : batch.toString(), this.type, this.direction, this.industry,
				this.enterprise, this.minCash, this.q, this.sort, this.status);
	}

	/** The same filter with a status chosen when none was. */
	CatalogueFilter withDefaultStatus(GuideStatus fallback) {
		return blank(this.status) ? new CatalogueFilter(this.batchId, this.type, this.direction, this.industry,
				this.enterprise, this.minCash, this.q, this.sort, fallback.name()) : this;
	}

	/**
	 * The query within {@code scope}; refuses every value that cannot be read, at once,
	 * as the lists' paging does (422).
	 */
	GuideQuery query(GuideQuery scope) {
		List<FieldViolation> violations = new ArrayList<>();
		UUID batch = null;
		if (!blank(this.batchId)) {
			try {
				batch = UUID.fromString(this.batchId.trim());
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("batchId", "INVALID", "not a batch id"));
			}
		}
		ProjectType projectType = null;
		if (!blank(this.type)) {
			projectType = ProjectType.parse(this.type.trim()).orElse(null);
			if (projectType == null) {
				violations.add(new FieldViolation("type", "INVALID_PROJECT_TYPE", "not a project type"));
			}
		}
		Money least = null;
		if (!blank(this.minCash)) {
			least = GuideForm.money(this.minCash);
			if (least == null) {
				violations.add(new FieldViolation("minCash", "INVALID_AMOUNT", "not an amount of yuan"));
			}
		}
		GuideSort order = GuideSort.parse(this.sort).orElse(null);
		if (order == null) {
			violations.add(new FieldViolation("sort", "INVALID_SORT", "newest, cash or title"));
		}
		GuideStatus guideStatus = null;
		if (!blank(this.status) && !"ALL".equals(this.status)) {
			try {
				guideStatus = GuideStatus.valueOf(this.status.trim());
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("status", "INVALID_STATUS", "not a guide status"));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return scope.filter(batch, guideStatus, projectType, this.direction, this.industry, this.enterprise, least,
				this.q, order);
	}

	public String batchIdValue() {
		return value(this.batchId);
	}

	public String directionValue() {
		return value(this.direction);
	}

	public String industryValue() {
		return value(this.industry);
	}

	public String enterpriseValue() {
		return value(this.enterprise);
	}

	public String minCashValue() {
		return value(this.minCash);
	}

	public String qValue() {
		return value(this.q);
	}

	public boolean isBatch(UUID candidate) {
		return candidate.toString().equals(value(this.batchId).trim());
	}

	public boolean isType(ProjectType candidate) {
		return candidate.name().equals(value(this.type).trim());
	}

	public boolean isDirection(String candidate) {
		return candidate.equals(value(this.direction).trim());
	}

	public boolean isIndustry(String candidate) {
		return candidate.equals(value(this.industry).trim());
	}

	public boolean isSort(GuideSort candidate) {
		return GuideSort.parse(this.sort).orElse(GuideSort.NEWEST) == candidate;
	}

	public boolean isStatus(String candidate) {
		return candidate.equals(value(this.status).trim());
	}

	/**
	 * The filter as query parameters, each after an {@code &}, for pagers and exports.
	 */
	public String queryString() {
		StringBuilder query = new StringBuilder();
		append(query, "batchId", this.batchId);
		append(query, "type", this.type);
		append(query, "direction", this.direction);
		append(query, "industry", this.industry);
		append(query, "enterprise", this.enterprise);
		append(query, "minCash", this.minCash);
		append(query, "q", this.q);
		append(query, "sort", this.sort);
		append(query, "status", this.status);
		return query.toString();
	}

	private static void append(StringBuilder query, String name, String value) {
		if (!blank(value)) {
			query.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
		}
	}

	private static String value(String text) {
		return (text == null) ? "" : text;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
