package org.xietong.audit;

/**
 * The result of checking the whole trail: the sealed chain from its first entry, the
 * entries not yet sealed, and the entries this instance saw committed.
 *
 * @param intact whether every entry's hash, link and MAC is as it was written and every
 * committed entry is there
 * @param entries how many entries were checked, sealed or not
 * @param sealedThrough the chain's last sealed position ({@code seq})
 * @param unsealed how many entries wait to be sealed
 * @param firstBrokenEntry the position ({@code seq}) of the first sealed entry that does
 * not fit, or {@code null}
 * @param brokenEntryId the id of the first entry that does not fit, sealed or not, or
 * {@code null}
 * @param reason why it does not fit, or {@code null}
 * @param head the check of a head the caller kept, when one was given
 */
public record ChainVerification(boolean intact, long entries, long sealedThrough, long unsealed, Long firstBrokenEntry,
		Long brokenEntryId, String reason, HeadCheck head) {

	/**
	 * Whether the chain, as it is now, has {@code hash} at {@code seq}: a head kept
	 * earlier still matches only if the history before it was not rewritten.
	 */
	public record HeadCheck(long seq, String hash, boolean matches) {
	}

	ChainVerification withHead(HeadCheck head) {
		return new ChainVerification(this.intact, this.entries, this.sealedThrough, this.unsealed,
				this.firstBrokenEntry, this.brokenEntryId, this.reason, head);
	}

}
