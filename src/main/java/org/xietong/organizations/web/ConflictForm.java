package org.xietong.organizations.web;

import java.util.UUID;

/**
 * A conflict of interest being declared: an organisation on the platform or a person by
 * name, and why.
 */
public record ConflictForm(String organizationId, String personName, String reason) {

	public static ConflictForm empty() {
		return new ConflictForm(null, null, null);
	}

	public boolean isOrganization(UUID candidate) {
		return candidate.toString().equals(this.organizationId);
	}

	boolean organizationMalformed() {
		return this.organizationId != null && !this.organizationId.isBlank() && organizationValue() == null;
	}

	UUID organizationValue() {
		try {
			return (this.organizationId == null || this.organizationId.isBlank()) ? null
					: UUID.fromString(this.organizationId.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
