package org.xietong.projects.web;

import java.util.List;
import java.util.Map;

/**
 * What was typed into one of the project page's forms when it was refused: the form
 * ({@code section}), what it concerned (a change's id, or empty) and its fields, each
 * with its values in order, so that the page shows the form again as it was sent.
 */
public record Typed(String section, String target, Map<String, List<String>> fields) {

	static Typed none() {
		return new Typed("", "", Map.of());
	}

	static Typed of(String section, String target, Map<String, List<String>> fields) {
		return new Typed(section, (target == null) ? "" : target, fields);
	}

	/** Whether this form (and, for a change, this change) was the one refused. */
	public boolean is(String candidate) {
		return this.section.equals(candidate);
	}

	public boolean is(String candidate, Object target) {
		return this.section.equals(candidate) && this.target.equals(String.valueOf(target));
	}

	/** The value typed into {@code field} of {@code form}, or {@code fallback}. */
	public String value(String form, String field, String fallback) {
		if (!is(form)) {
			return (fallback == null) ? "" : fallback;
		}
		List<String> values = this.fields.get(field);
		return (values == null || values.isEmpty() || values.get(0) == null) ? "" : values.get(0);
	}

	/** Every value typed into a repeated field of {@code form}. */
	public List<String> values(String form, String field) {
		if (!is(form)) {
			return List.of();
		}
		return this.fields.getOrDefault(field, List.of());
	}

}
