package org.xietong.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		assertThat(PasswordPolicy.check("Demo@2024")).isEmpty();
		assertThat(PasswordPolicy.check("abcdEF12")).isEmpty();
		assertThat(PasswordPolicy.check("abcd12#$")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(PasswordPolicy.check("Ab1@xyz")).contains("PASSWORD_TOO_SHORT");
		assertThat(PasswordPolicy.check(null)).contains("PASSWORD_TOO_SHORT");
	}

	@Test
	void refusesPasswordsOfOnlyTwoClasses() {
		assertThat(PasswordPolicy.check("abcdefgh12")).contains("PASSWORD_TOO_WEAK");
		assertThat(PasswordPolicy.check("ABCDEFGH!!")).contains("PASSWORD_TOO_WEAK");
	}

	@Test
	void refusesPasswordsLongerThanTheHashReads() {
		assertThat(PasswordPolicy.check("Aa1!" + "x".repeat(69))).contains("PASSWORD_TOO_LONG");
		// A Chinese character is 3 bytes: 4 + 22 × 3 = 70 bytes fit, 4 + 23 × 3 = 73 do
		// not.
		assertThat(PasswordPolicy.check("Aa1!" + "中".repeat(22))).isEmpty();
		assertThat(PasswordPolicy.check("Aa1!" + "中".repeat(23))).contains("PASSWORD_TOO_LONG");
	}

}
