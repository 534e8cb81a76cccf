package org.xietong.projects;

import java.time.Instant;
import java.util.Optional;

import org.xietong.batches.ProjectType;

/**
 * What anyone learns by checking a project number: that it is real and what it states, or
 * only that it is not (with the number asked about).
 */
public record ProjectVerification(boolean valid, String number, String title, String leader, String university,
		String enterprise, ProjectType type, Boolean key, ProjectStatus status, Instant approvedAt) {

	public static ProjectVerification of(String asked, Optional<ProjectView> project) {
		return project
			.map(p -> new ProjectVerification(true, p.number(), p.title(), p.leaderName(), p.universityName(),
					p.enterpriseName(), p.type(), p.key(), p.status(), p.approvedAt()))
			.orElse(new ProjectVerification(false, asked, null, null, null, null, null, null, null, null));
	}

}
