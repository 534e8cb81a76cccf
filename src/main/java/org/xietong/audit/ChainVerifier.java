package org.xietong.audit;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Walks the trail as {@link AuditTrail#verify()} streams it (sealed entries by position,
 * then those not yet sealed) and keeps the first thing that does not fit.
 */
final class ChainVerifier {

	private final long headSeq;

	private final String headHash;

	private final Predicate<AuditEntry> authentic;

	private final Predicate<AuditHead> signed;

	private long expectedSeq = 1;

	private String previousHash = ChainHash.GENESIS;

	private long count;

	private long unsealed;

	private Long brokenSeq;

	private Long brokenId;

	private String reason;

	ChainVerifier(long headSeq, String headHash, Predicate<AuditEntry> authentic, Predicate<AuditHead> signed) {
		this.headSeq = headSeq;
		this.headHash = headHash;
		this.authentic = authentic;
		this.signed = signed;
	}

	/** Takes the next entry, with the head signed at its position if one was. */
	void accept(AuditEntry entry, AuditHead head) {
		this.count++;
		if (!entry.sealed()) {
			this.unsealed++;
			if (this.reason == null && !this.authentic.test(entry)) {
				broken(null, entry.id(), "entry id " + entry.id()
						+ ", not yet sealed, does not match its MAC (edited, inserted or renumbered)");
			}
			return;
		}
		if (this.reason == null) {
			check(entry, head);
		}
		this.expectedSeq = entry.seq() + 1;
		this.previousHash = entry.hash();
	}

	private void check(AuditEntry entry, AuditHead head) {
		long seq = entry.seq();
		if (seq > this.headSeq) {
			broken(seq, entry.id(), "entry lies beyond the chain's recorded head");
		}
		else if (seq != this.expectedSeq) {
			broken(Math.min(seq, this.expectedSeq), entry.id(), "entry " + this.expectedSeq + " is missing");
		}
		else if (!this.previousHash.equals(entry.prevHash())) {
			broken(seq, entry.id(), "link to the previous entry is broken");
		}
		else if (!entry.computeHash().equals(entry.hash())) {
			broken(seq, entry.id(), "content does not match its hash");
		}
		else if (entry.mac() != null && !this.authentic.test(entry)) {
			broken(seq, entry.id(), "content does not match its MAC");
		}
		else if (head != null && (!head.hash().equals(entry.hash()) || !this.signed.test(head))) {
			broken(seq, entry.id(), "the head signed at entry " + seq + " no longer matches the chain");
		}
	}

	private void broken(Long seq, long id, String reason) {
		this.brokenSeq = seq;
		this.brokenId = id;
		this.reason = reason;
	}

	/** The verdict, with the first entry this instance's witness found broken. */
	ChainVerification finish(Map.Entry<Long, String> witnessed) {
		long sealedThrough = this.expectedSeq - 1;
		if (this.reason == null && (this.headSeq != sealedThrough || !this.headHash.equals(this.previousHash))) {
			broken(sealedThrough + 1, 0, "the chain ends before its recorded head (entry " + this.headSeq + ")");
			this.brokenId = null;
		}
		if (this.reason == null && witnessed != null) {
			broken(null, witnessed.getKey(), witnessed.getValue());
		}
		return new ChainVerification(this.reason == null, this.count, Math.min(sealedThrough, this.headSeq),
				this.unsealed, this.brokenSeq, this.brokenId, this.reason, null);
	}

}
