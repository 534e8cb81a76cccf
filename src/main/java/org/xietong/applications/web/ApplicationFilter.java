package org.xietong.applications.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationStatus;
import org.xietong.batches.ProjectType;
import org.xietong.shared.DomainException;

/**
 * The filters of a list of applications, as the API and the pages take them:
 * {@code batchId}, {@code guideId}, {@code status}, {@code type}, {@code enterpriseId},
 * {@code q}.
 */
record ApplicationFilter(UUID batchId, UUID guideId, String status, String type, UUID enterpriseId, String q) {

	ApplicationQuery query(ApplicationQuery.Scope scope) {
		return new ApplicationQuery(scope, this.batchId, this.guideId, parsedStatus().orElse(null),
				parsedType().orElse(null), this.enterpriseId,
				(this.q == null || this.q.isBlank()) ? null : this.q.strip());
	}

	Optional<ApplicationStatus> parsedStatus() {
		if (this.status == null || this.status.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ApplicationStatus.valueOf(this.status.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("status", "INVALID_STATUS", "not an application status");
		}
	}

	Optional<ProjectType> parsedType() {
		if (this.type == null || this.type.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(ProjectType.parse(this.type.strip())
			.orElseThrow(() -> DomainException.invalid("type", "INVALID_PROJECT_TYPE", "not a project type")));
	}

}
