package org.xietong.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of the trail, as stored. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String actorRole, UUID organizationId,
		String clientAddress, String action, String subjectType, String subjectId, String before, String after,
		String prevHash, String hash) {

	/**
	 * The hash this entry must carry: its content chained to the previous entry's hash.
	 */
	String computeHash() {
		return ChainHash.of(this.prevHash, Long.toString(this.seq), Long.toString(this.occurredAt.toEpochMilli()),
				this.actor, this.actorRole, this.organizationId == null ? null : this.organizationId.toString(),
				this.clientAddress, this.action, this.subjectType, this.subjectId, this.before, this.after);
	}

}
