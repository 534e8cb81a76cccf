package org.xietong.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 (and HMAC-SHA256) over length-prefixed fields, so that no two different entries
 * can encode to the same bytes (a {@code null} differs from an empty string).
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String... fields) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encode(fields)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * A MAC under {@code key}: made fresh each time, since a {@link Mac} is not shared.
	 */
	static String mac(byte[] key, String... fields) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(encode(fields)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	private static byte[] encode(String... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		for (String field : fields) {
			if (field == null) {
				out.writeBytes("-1:".getBytes(StandardCharsets.US_ASCII));
				continue;
			}
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}

}
