package org.xietong.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTests {

	@Test
	void acceptsPublishedCodesWithTheirCheckDigit() {
		// Codes of well-known companies, as printed on their business licences.
		assertThat(CreditCode.problem("91350100M000100Y43")).isEmpty();
		assertThat(CreditCode.problem("91440300708461136T")).isEmpty();
		assertThat(CreditCode.parse(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void refusesAWrongCheckDigit() {
		assertThat(CreditCode.problem("91350100M000100Y44")).contains("CREDIT_CODE_CHECK_DIGIT");
	}

	@Test
	void refusesWrongLengthAndLettersOutsideTheAlphabet() {
		assertThat(CreditCode.problem("91350100M000100Y4")).contains("CREDIT_CODE_LENGTH");
		assertThat(CreditCode.problem(null)).contains("CREDIT_CODE_LENGTH");
		assertThat(CreditCode.problem("91350100M00010OY43")).contains("CREDIT_CODE_CHARACTERS");
		assertThat(CreditCode.problem("913501A0M000100Y43")).contains("CREDIT_CODE_CHARACTERS");
	}

	@Test
	void computesTheCheckCharacterThatMakesACodeValid() {
		String first17 = "91220101MA0Y3K8T5";
		String code = first17 + CreditCode.checkCharacter(first17);
		assertThat(CreditCode.problem(code)).isEmpty();
	}

	@Test
	void everyGeneratedCodeIsValidAndChangingAnyOneCharacterMakesItInvalid() {
		java.util.Random random = new java.util.Random(20241025);
		for (int n = 0; n < 500; n++) {
			StringBuilder first17 = new StringBuilder();
			first17.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
			first17.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
			for (int i = 0; i < 6; i++) {
				first17.append((char) ('0' + random.nextInt(10)));
			}
			for (int i = 0; i < 9; i++) {
				first17.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
			}
			String code = first17.toString() + CreditCode.checkCharacter(first17.toString());
			assertThat(CreditCode.problem(code)).as(code).isEmpty();

			int position = random.nextInt(18);
			char original = code.charAt(position);
			char replacement;
			do {
				replacement = CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length()));
			}
			while (replacement == original || (position >= 2 && position <= 7 && !Character.isDigit(replacement)));
			String changed = code.substring(0, position) + replacement + code.substring(position + 1);
			assertThat(CreditCode.problem(changed)).as(changed).isPresent();
		}
	}

	@Test
	void constructingAnInvalidCodeFailsWithAFieldViolation() {
		assertThatThrownBy(() -> new CreditCode("123")).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.violations()).singleElement()
					.satisfies(v -> assertThat(v.field()).isEqualTo("creditCode")));
	}

}
