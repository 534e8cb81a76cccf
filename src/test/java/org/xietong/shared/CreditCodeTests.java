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
	void constructingAnInvalidCodeFailsWithAFieldViolation() {
		assertThatThrownBy(() -> new CreditCode("123")).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.violations()).singleElement()
					.satisfies(v -> assertThat(v.field()).isEqualTo("creditCode")));
	}

}
