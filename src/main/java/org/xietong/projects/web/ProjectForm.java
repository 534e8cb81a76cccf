package org.xietong.projects.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.projects.ProjectQuery;
import org.xietong.projects.ProjectStatus;

/**
 * The project list's filters as typed into its GET form: batch, status, type and text.
 * Values that cannot be read filter nothing, so that a stale link still opens the page.
 */
public record ProjectForm(String batchId, String status, String type, String q) {

	ProjectQuery query(ProjectQuery.Scope scope) {
		return new ProjectQuery(scope, chosenBatch(), chosenStatus(), chosenType(), null, null, null,
				(this.q == null || this.q.isBlank()) ? null : this.q);
	}

	UUID chosenBatch() {
		try {
			return (this.batchId == null || this.batchId.isBlank()) ? null : UUID.fromString(this.batchId.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	ProjectStatus chosenStatus() {
		return (this.status == null) ? null
				: Arrays.stream(ProjectStatus.values())
					.filter(s -> s.name().equals(this.status.strip()))
					.findFirst()
					.orElse(null);
	}

	ProjectType chosenType() {
		return (this.type == null || this.type.isBlank()) ? null : ProjectType.parse(this.type.strip()).orElse(null);
	}

	public boolean isBatch(UUID id) {
		return id.equals(chosenBatch());
	}

	public boolean isStatus(ProjectStatus candidate) {
		return candidate == chosenStatus();
	}

	public boolean isType(ProjectType candidate) {
		return candidate == chosenType();
	}

	public String qValue() {
		return (this.q == null) ? "" : this.q;
	}

	/** The filters as query parameters, each starting with {@code &}. */
	public String queryString() {
		UUID batch = chosenBatch();
		ProjectStatus chosenStatus = chosenStatus();
		ProjectType chosenType = chosenType();
		return param("batchId", (batch == null) ? null : batch.toString())
				+ param("status", (chosenStatus == null) ? null : chosenStatus.name())
				+ param("type", (chosenType == null) ? null : chosenType.name()) + param("q", this.q);
	}

	private static String param(String name, String value) {
		return (value == null || value.isBlank()) ? ""
				: "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
