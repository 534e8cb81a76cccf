package org.xietong.notices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An objection. The public sees it only once decided, and without the objector's phone,
 * e-mail or full name.
 */
public record ObjectionView(UUID id, UUID noticeId, UUID subjectId, String name, String phone, String email,
		String reason, Instant filedAt, String status, String response, Instant decidedAt, List<UUID> evidenceFileIds,
		long version) {

	/** The same objection as the public sees it. */
	public ObjectionView forPublic() {
		String masked = (this.name == null || this.name.isEmpty()) ? "" : this.name.charAt(0) + "**";
		return new ObjectionView(this.id, this.noticeId, this.subjectId, masked, null, null, this.reason, this.filedAt,
				this.status, this.response, this.decidedAt, List.of(), this.version);
	}

}
