package org.xietong.applications;

import java.util.UUID;

import org.xietong.batches.ProjectType;

/**
 * A search of applications: whose the caller may see ({@link Scope}) and the filters.
 *
 * @param scope the caller's view
 * @param batchId only this batch
 * @param guideId only this guide
 * @param status only this status
 * @param type only this project type
 * @param enterpriseId only applications to this enterprise
 * @param text part of the title, the leader's name, the guide's title or the enterprise's
 * name
 */
public record ApplicationQuery(Scope scope, UUID batchId, UUID guideId, ApplicationStatus status, ProjectType type,
		UUID enterpriseId, String text) {

	/** Whose applications a caller sees. */
	public sealed interface Scope {

	}

	/** A teacher: its own, in every status. */
	public record Leader(UUID teacherId) implements Scope {
	}

	/** A university: its teachers' applications once submitted. */
	public record University(UUID universityId) implements Scope {
	}

	/** An enterprise: the endorsed applications to its own guides. */
	public record Enterprise(UUID enterpriseId) implements Scope {
	}

	/** The department: every application once submitted. */
	public record Department() implements Scope {
	}

}
