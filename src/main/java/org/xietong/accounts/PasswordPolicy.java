package org.xietong.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * At least 8 characters with three of upper case, lower case, digits and symbols; at most
 * 72 bytes, the most that the password hash reads.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * The violation's code ({@code PASSWORD_TOO_SHORT}, …), or empty when the password is
	 * acceptable.
	 */
	public static Optional<String> check(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("PASSWORD_TOO_SHORT");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("PASSWORD_TOO_LONG");
		}
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		boolean symbol = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else if (!Character.isWhitespace(c)) {
				symbol = true;
			}
		}
		int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
		return (classes >= 3) ? Optional.empty() : Optional.of("PASSWORD_TOO_WEAK");
	}

}
