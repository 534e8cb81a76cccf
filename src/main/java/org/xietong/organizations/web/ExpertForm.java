package org.xietong.organizations.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.xietong.organizations.ExpertManagement.NewExpert;

/**
 * The form for an expert in a pool: where it works (an organisation on the platform, or a
 * name), its fields separated by commas or 、, and the organisations it must be kept away
 * from.
 */
public record ExpertForm(String username, String displayName, String password, String affiliationId,
		String affiliationName, String fields, String email, String phone, List<String> conflicts) {

	public static ExpertForm empty() {
		return new ExpertForm(null, null, null, null, null, null, null, null, List.of());
	}

	ExpertForm withoutPassword() {
		return new ExpertForm(this.username, this.displayName, null, this.affiliationId, this.affiliationName,
				this.fields, this.email, this.phone, this.conflicts);
	}

	public boolean isAffiliation(UUID candidate) {
		return candidate.toString().equals(this.affiliationId);
	}

	public boolean isConflict(UUID candidate) {
		return this.conflicts != null && this.conflicts.contains(candidate.toString());
	}

	/** Whether every chosen organisation is one the form offered. */
	boolean choicesAmong(Set<UUID> offered) {
		boolean affiliationKnown = blank(this.affiliationId) || offered.contains(uuid(this.affiliationId));
		boolean conflictsKnown = conflictTexts().stream()
			.map(ExpertForm::uuid)
			.allMatch(id -> id != null && offered.contains(id));
		return affiliationKnown && conflictsKnown;
	}

	NewExpert command() {
		return new NewExpert(trim(this.username), this.password, trim(this.displayName),
				blank(this.affiliationId) ? null : uuid(this.affiliationId),
				AccountForm.blankToNull(this.affiliationName), fieldList(), AccountForm.blankToNull(this.email),
				AccountForm.blankToNull(this.phone), conflictIds(), true);
	}

	List<String> fieldList() {
		if (blank(this.fields)) {
			return List.of();
		}
		return Arrays.stream(this.fields.split("[、;；,，]"))
			.map(String::trim)
			.filter(field -> !field.isEmpty())
			.distinct()
			.toList();
	}

	private List<String> conflictTexts() {
		return (this.conflicts == null) ? List.of() : this.conflicts.stream().filter(c -> !blank(c)).toList();
	}

	private List<UUID> conflictIds() {
		return conflictTexts().stream().map(ExpertForm::uuid).filter(java.util.Objects::nonNull).distinct().toList();
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trim(String text) {
		return (text == null) ? null : text.trim();
	}

}
