package org.xietong.organizations.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * The sheet a person previewed, kept in its session until it confirms: the confirmation
 * imports exactly those bytes, never a file uploaded again. One sheet per kind of import;
 * a new preview replaces the one before.
 */
final class PendingSheets {

	/**
	 * Import sheets are small (at most 5,000 rows); the session holds no more than this.
	 */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	private PendingSheets() {
	}

	static String keep(HttpSession session, String kind, UUID owner, String fileName, byte[] content) {
		String token = fingerprint(content);
		session.setAttribute(key(kind), new PendingSheet(owner, fileName, content, token));
		return token;
	}

	/** The previewed sheet, if the token names it and it was previewed for this owner. */
	static Optional<PendingSheet> find(HttpSession session, String kind, UUID owner, String token) {
		return Optional.ofNullable(session.getAttribute(key(kind)))
			.filter(PendingSheet.class::isInstance)
			.map(PendingSheet.class::cast)
			.filter(sheet -> sheet.owner().equals(owner) && sheet.token().equals(token));
	}

	static void forget(HttpSession session, String kind) {
		session.removeAttribute(key(kind));
	}

	static String fingerprint(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static String key(String kind) {
		return PendingSheets.class.getName() + "." + kind;
	}

	/** A previewed sheet: for whom, its name, its bytes and their fingerprint. */
	record PendingSheet(UUID owner, String fileName, byte[] content, String token) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

}
