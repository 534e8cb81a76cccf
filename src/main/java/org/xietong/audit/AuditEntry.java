package org.xietong.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the trail, as stored. {@code id} is given when the entry is written, in
 * its change's transaction; {@code seq}, {@code prevHash} and {@code hash} when the
 * sealer chains it after commit ({@code null} until then). {@code mac} authenticates the
 * content from the moment it is written.
 */
public record AuditEntry(long id, Long seq, Instant occurredAt, String actor, String actorRole, UUID organizationId,
		String clientAddress, String action, String subjectType, String subjectId, String before, String after,
		String prevHash, String hash, String mac) {

	/** Whether the sealer has given this entry its place in the chain. */
	public boolean sealed() {
		return this.seq != null;
	}

	/**
	 * The hash this entry must carry once sealed: its content chained to the previous
	 * entry's hash (the same formula as before sealing existed, so that older entries
	 * check as they were written).
	 */
	String computeHash() {
		return ChainHash.of(this.prevHash, Long.toString(this.seq), Long.toString(this.occurredAt.toEpochMilli()),
				this.actor, this.actorRole, this.organizationId == null ? null : this.organizationId.toString(),
				this.clientAddress, this.action, this.subjectType, this.subjectId, this.before, this.after);
	}

	/** The fields the entry's MAC covers: its id and everything it says. */
	String[] authenticated() {
		return new String[] { "xietong-audit-entry-v1", Long.toString(this.id),
				Long.toString(this.occurredAt.toEpochMilli()), this.actor, this.actorRole,
				this.organizationId == null ? null : this.organizationId.toString(), this.clientAddress, this.action,
				this.subjectType, this.subjectId, this.before, this.after };
	}

	AuditEntry withMac(String mac) {
		return new AuditEntry(this.id, this.seq, this.occurredAt, this.actor, this.actorRole, this.organizationId,
				this.clientAddress, this.action, this.subjectType, this.subjectId, this.before, this.after,
				this.prevHash, this.hash, mac);
	}

	/** This entry given its place after {@code prevHash}, with the hash that follows. */
	AuditEntry chained(long seq, String prevHash) {
		AuditEntry placed = new AuditEntry(this.id, seq, this.occurredAt, this.actor, this.actorRole,
				this.organizationId, this.clientAddress, this.action, this.subjectType, this.subjectId, this.before,
				this.after, prevHash, null, this.mac);
		return new AuditEntry(this.id, seq, this.occurredAt, this.actor, this.actorRole, this.organizationId,
				this.clientAddress, this.action, this.subjectType, this.subjectId, this.before, this.after, prevHash,
				placed.computeHash(), this.mac);
	}

}
