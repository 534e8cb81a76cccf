package org.xietong.audit;

/**
 * A head of the chain as the sealer signed it: the server key's Ed25519 signature over
 * the four lines {@code xietong-audit-head-v1}, {@code seq}, {@code hash} and
 * {@code sealedAt}.
 */
public record AuditHead(long seq, String hash, String sealedAt, String keyId, String signature) {

	static final String PREFIX = "xietong-audit-head-v1";

	/** The text the signature covers. */
	public String signedText() {
		return signedText(this.seq, this.hash, this.sealedAt);
	}

	static String signedText(long seq, String hash, String sealedAt) {
		return PREFIX + "\n" + seq + "\n" + hash + "\n" + sealedAt;
	}

}
