package org.xietong.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Whose figures, of which batches, as of when: the department sees a batch (or a year's
 * batches) whole; a university only its teachers' applications and projects; an
 * enterprise only what concerns its guides.
 *
 * @param batchIds the batches counted
 * @param university the university whose figures these are, or {@code null}
 * @param enterprise the enterprise whose figures these are, or {@code null}
 * @param now the moment of counting (what is overdue depends on it)
 */
public record Scope(List<UUID> batchIds, UUID university, UUID enterprise, Instant now) {

	public Scope {
		batchIds = List.copyOf(batchIds);
	}

	public static Scope department(List<UUID> batchIds, Instant now) {
		return new Scope(batchIds, null, null, now);
	}

	public Scope ofUniversity(UUID universityId) {
		return new Scope(this.batchIds, universityId, null, this.now);
	}

	public Scope ofEnterprise(UUID enterpriseId) {
		return new Scope(this.batchIds, null, enterpriseId, this.now);
	}

	/** The rows of {@code counted} this scope may see, as SQL over its base. */
	String condition(Counted counted) {
		String batches = counted.batchColumn() + " IN (:batches)";
		if (this.university != null) {
			return switch (counted) {
				case GUIDES -> "FALSE";
				case APPLICATIONS -> batches + " AND a.university_id = :organization";
				case PROJECTS -> batches + " AND p.university_id = :organization";
			};
		}
		if (this.enterprise != null) {
			return batches + " AND g.enterprise_id = :organization";
		}
		return batches;
	}

	UUID organization() {
		return (this.university != null) ? this.university : this.enterprise;
	}

}
