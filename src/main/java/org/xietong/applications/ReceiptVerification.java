package org.xietong.applications;

import java.time.Instant;

/**
 * What checking a receipt found: {@code valid} only for a known number with the digest it
 * was issued for and an intact signature; then what the receipt states. Otherwise only
 * the number asked about.
 */
public record ReceiptVerification(boolean valid, String number, String applicationNumber, Instant submittedAt,
		String digest, String title, String leader, String university, String guide, String enterprise) {

	static ReceiptVerification invalid(String number) {
		return new ReceiptVerification(false, number, null, null, null, null, null, null, null, null);
	}

}
