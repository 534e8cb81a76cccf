package org.xietong.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet, the 3rd to 8th an administrative division, the last a check
 * digit.
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		String problem = problem(value).orElse(null);
		if (problem != null) {
			throw DomainException.invalid("creditCode", problem, "not a valid unified social credit code");
		}
	}

	/** Parses a code typed by a person: spaces trimmed, letters upper-cased. */
	public static CreditCode parse(String text) {
		return new CreditCode(text == null ? null : text.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * What is wrong with a code: {@code CREDIT_CODE_LENGTH},
	 * {@code CREDIT_CODE_CHARACTERS} or {@code CREDIT_CODE_CHECK_DIGIT}; empty when it is
	 * valid.
	 */
	public static Optional<String> problem(String value) {
		if (value == null || value.length() != 18) {
			return Optional.of("CREDIT_CODE_LENGTH");
		}
		for (int i = 0; i < 18; i++) {
			char c = value.charAt(i);
			boolean digitOnly = i >= 2 && i <= 7;
			if (ALPHABET.indexOf(c) < 0 || (digitOnly && !Character.isDigit(c))) {
				return Optional.of("CREDIT_CODE_CHARACTERS");
			}
		}
		return (checkCharacter(value.substring(0, 17)) == value.charAt(17)) ? Optional.empty()
				: Optional.of("CREDIT_CODE_CHECK_DIGIT");
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
