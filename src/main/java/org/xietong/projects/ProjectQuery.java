package org.xietong.projects;

import java.util.UUID;

import org.xietong.batches.ProjectType;

/**
 * A search of projects: whose the caller may see and the filters.
 *
 * @param scope the caller's view
 * @param batchId only this batch
 * @param status only this status
 * @param type only this project type
 * @param key only key projects ({@code true}), only general ones ({@code false}), or both
 * @param universityId only this university's
 * @param enterpriseId only this enterprise's
 * @param text part of the number, the title, the leader's, the university's or the
 * enterprise's name
 */
public record ProjectQuery(Scope scope, UUID batchId, ProjectStatus status, ProjectType type, Boolean key,
		UUID universityId, UUID enterpriseId, String text) {

	/** Whose projects a caller sees. */
	public sealed interface Scope {

	}

	/** Everyone: every project (they are published). */
	public record Everyone() implements Scope {
	}

	/** A teacher: the projects it leads. */
	public record Leader(UUID teacherId) implements Scope {
	}

	/** A university: its teachers' projects. */
	public record University(UUID universityId) implements Scope {
	}

	/** An enterprise: the projects of its guides. */
	public record Enterprise(UUID enterpriseId) implements Scope {
	}

}
