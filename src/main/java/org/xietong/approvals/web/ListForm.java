package org.xietong.approvals.web;

import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.projects.ProjectQuery;

/**
 * The public approval list's search as typed into its GET form: a text, the type and key
 * ({@code true}) or general ({@code false}). Values that cannot be read filter nothing.
 */
public record ListForm(String q, String type, String key) {

	static ListForm none() {
		return new ListForm(null, null, null);
	}

	ProjectQuery query(UUID batchId) {
		return new ProjectQuery(new ProjectQuery.Everyone(), batchId, null, chosenType(), chosenKey(), null, null,
				(this.q == null || this.q.isBlank()) ? null : this.q);
	}

	boolean isEmpty() {
		return (this.q == null || this.q.isBlank()) && chosenType() == null && chosenKey() == null;
	}

	ProjectType chosenType() {
		return (this.type == null || this.type.isBlank()) ? null : ProjectType.parse(this.type.strip()).orElse(null);
	}

	Boolean chosenKey() {
		if ("true".equals(this.key)) {
			return Boolean.TRUE;
		}
		return "false".equals(this.key) ? Boolean.FALSE : null;
	}

	public boolean isType(ProjectType candidate) {
		return candidate == chosenType();
	}

	public boolean isKey(String value) {
		return value.equals(String.valueOf(chosenKey()));
	}

	public String qValue() {
		return (this.q == null) ? "" : this.q;
	}

	/** The search as query parameters, each starting with {@code &}. */
	public String queryString() {
		ProjectType chosen = chosenType();
		Boolean key = chosenKey();
		return ApprovalDisplay.param("q", this.q)
				+ ApprovalDisplay.param("type", (chosen == null) ? null : chosen.name())
				+ ApprovalDisplay.param("key", (key == null) ? null : key.toString());
	}

}
