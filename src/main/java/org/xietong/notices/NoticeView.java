package org.xietong.notices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notice as the public and the API see it. */
public record NoticeView(UUID id, UUID batchId, NoticeKind kind, String title, String body, UUID openerOrganizationId,
		Instant opensAt, Instant closesAt, int workingDays, String status, Instant closedAt, List<Subject> subjects,
		long openObjections, long version) {

	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

	/** A subject under the notice; {@code revoked} once an objection on it was upheld. */
	public record Subject(UUID id, String title, String summary, boolean revoked) {
	}

}
