package org.xietong.organizations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.xietong.organizations.EnterpriseEligibility.Condition;
import org.xietong.organizations.EnterpriseEligibility.Eligibility;
import org.xietong.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class EnterpriseEligibilityTests {

	private static final LocalDate OPENS = LocalDate.of(2024, 9, 1);

	@Test
	void anEnterpriseFoundedExactlyTwoYearsBeforeTheBatchOpensIsEligible() {
		Eligibility eligibility = EnterpriseEligibility
			.evaluate(enterprise(EnterpriseStatus.APPROVED, OPENS.minusYears(2)), true, 2, OPENS);

		assertThat(eligibility.eligible()).isTrue();
		assertThat(eligibility.conditions()).extracting(Condition::met).containsOnly(true);
	}

	@Test
	void anEnterpriseFoundedOneYearAnd364DaysBeforeIsNot() {
		LocalDate founded = OPENS.minusYears(2).plusDays(1);
		Eligibility eligibility = EnterpriseEligibility.evaluate(enterprise(EnterpriseStatus.APPROVED, founded), true,
				2, OPENS);

		assertThat(eligibility.eligible()).isFalse();
		assertThat(eligibility.conditions()).filteredOn(c -> !c.met())
			.extracting(Condition::code)
			.containsExactly("FOUNDED_LONG_ENOUGH");
	}

	@Test
	void aBlacklistedEnterpriseIsNotEligibleWhateverElseHolds() {
		Eligibility eligibility = EnterpriseEligibility
			.evaluate(enterprise(EnterpriseStatus.BLACKLISTED, LocalDate.of(2000, 1, 1)), true, 2, OPENS);

		assertThat(eligibility.eligible()).isFalse();
		assertThat(eligibility.conditions()).filteredOn(c -> !c.met())
			.extracting(Condition::code)
			.contains("NOT_BLACKLISTED", "APPROVED");
	}

	@Test
	void anEnterpriseWithoutACreditReportOrNotYetApprovedIsNotEligible() {
		assertThat(EnterpriseEligibility
			.evaluate(enterprise(EnterpriseStatus.APPROVED, LocalDate.of(2000, 1, 1)), false, 2, OPENS)
			.conditions()).filteredOn(c -> !c.met())
			.extracting(Condition::code)
			.containsExactly("CREDIT_REPORT_ON_FILE");
		assertThat(EnterpriseEligibility
			.evaluate(enterprise(EnterpriseStatus.PENDING_REVIEW, LocalDate.of(2000, 1, 1)), true, 2, OPENS)
			.conditions()).filteredOn(c -> !c.met()).extracting(Condition::code).containsExactly("APPROVED");
	}

	@Test
	void theMinimumAgeIsTheBatchsSetting() {
		LocalDate founded = OPENS.minusYears(3);
		assertThat(EnterpriseEligibility.evaluate(enterprise(EnterpriseStatus.APPROVED, founded), true, 3, OPENS)
			.eligible()).isTrue();
		assertThat(EnterpriseEligibility.evaluate(enterprise(EnterpriseStatus.APPROVED, founded), true, 4, OPENS)
			.eligible()).isFalse();
	}

	private static EnterpriseView enterprise(EnterpriseStatus status, LocalDate foundedOn) {
		return new EnterpriseView(UUID.randomUUID(), "某公司", "91220101MA0Y3K8T5X", "张三", foundedOn, Money.yuan(1000000),
				"汽车", "长春", "…", new EnterpriseDetails.Contact("李四", "0431-1234567", "a@b.cn"), status, null,
				status == EnterpriseStatus.BLACKLISTED ? "违约" : null, Instant.EPOCH, null, 0);
	}

}
