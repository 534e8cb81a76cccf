package org.xietong.audit;

/**
 * The result of checking the whole chain.
 *
 * @param intact whether every entry's hash and link is as it was written
 * @param entries how many entries were checked
 * @param firstBrokenEntry the sequence number of the first entry that does not fit, or
 * {@code null}
 * @param reason why it does not fit, or {@code null}
 */
public record ChainVerification(boolean intact, long entries, Long firstBrokenEntry, String reason) {

	static ChainVerification intact(long entries) {
		return new ChainVerification(true, entries, null, null);
	}

	static ChainVerification broken(long entries, long seq, String reason) {
		return new ChainVerification(false, entries, seq, reason);
	}

}
