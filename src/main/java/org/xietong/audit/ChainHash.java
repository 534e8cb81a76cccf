package org.xietong.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Function;

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
	 * A MAC under {@code key}, with one {@link Mac} per thread made from it (a
	 * {@link Mac} is not shared, and making one for every entry was a tenth of a
	 * publication's time).
	 */
	static Function<String[], String> mac(byte[] key) {
		SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
		ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(spec);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
			}
		});
		return fields -> HexFormat.of().formatHex(macs.get().doFinal(encode(fields)));
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
