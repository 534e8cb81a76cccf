package org.xietong.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * The receipt of one submission.
 *
 * @param number the receipt's number: the application's number and which submission this
 * was ({@code JL-2024-000123-1})
 * @param applicationId the application submitted
 * @param applicationNumber the application's number
 * @param submittedAt when the server accepted it, to the second
 * @param digest the SHA-256, in hex, of {@code content}'s UTF-8 bytes
 * @param signature the server's Ed25519 signature, in base64, of {@code signedText}
 * @param keyId which server key signed it
 * @param signedText what was signed: {@code xietong-receipt-v1}, the number, the time and
 * the digest, one a line
 * @param content exactly what was submitted, as canonical JSON: fields in a fixed order,
 * attachments by their SHA-256
 */
public record Receipt(String number, UUID applicationId, String applicationNumber, Instant submittedAt, String digest,
		String signature, String algorithm, String keyId, String signedText, String content) {
}
