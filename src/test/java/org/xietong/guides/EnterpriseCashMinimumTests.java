package org.xietong.guides;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.xietong.batches.BatchRules;
import org.xietong.guides.EnterpriseCashMinimum.Contribution;
import org.xietong.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** An enterprise's cash across its guides in a batch against ¥200,000, without Spring. */
class EnterpriseCashMinimumTests {

	private final EnterpriseCashMinimum policy = EnterpriseCashMinimum.of(BatchRules.notice2024());

	@Test
	void refusesATotalOfOneFenBelowTwoHundredThousand() {
		EnterpriseCashMinimum.Total total = this.policy.evaluate(List.of(guide(GuideStatus.DRAFT, 1, "199999.99")));

		assertThat(total.met()).isFalse();
		assertThat(total.total()).isEqualTo(Money.of("199999.99"));
		assertThat(total.shortfall()).isEqualTo(Money.of("0.01"));
	}

	@Test
	void acceptsExactlyTwoHundredThousandMadeOfProjectsTimesCash() {
		EnterpriseCashMinimum.Total total = this.policy
			.evaluate(List.of(guide(GuideStatus.DRAFT, 4, "30000.00"), guide(GuideStatus.RETURNED, 8, "10000.00")));

		assertThat(total.total()).isEqualTo(Money.yuan(200_000));
		assertThat(total.met()).isTrue();
	}

	@Test
	void countsWhatStandsSubmittedTogetherWithWhatIsBeingSubmitted() {
		EnterpriseCashMinimum.Total total = this.policy.evaluate(List.of(guide(GuideStatus.SUBMITTED, 1, "50000.00"),
				guide(GuideStatus.APPROVED, 1, "50000.00"), guide(GuideStatus.IN_NOTICE, 1, "40000.00"),
				guide(GuideStatus.PUBLISHED, 1, "40000.00"), guide(GuideStatus.DRAFT, 1, "20000.00")));

		assertThat(total.committed()).isEqualTo(Money.yuan(180_000));
		assertThat(total.submitting()).isEqualTo(Money.yuan(20_000));
		assertThat(total.met()).isTrue();
	}

	@Test
	void leavesOutWithdrawnAndRevokedGuides() {
		EnterpriseCashMinimum.Total total = this.policy.evaluate(List.of(guide(GuideStatus.WITHDRAWN, 10, "50000.00"),
				guide(GuideStatus.REVOKED, 10, "50000.00"), guide(GuideStatus.DRAFT, 1, "20000.00")));

		assertThat(total.total()).isEqualTo(Money.yuan(20_000));
		assertThat(total.met()).isFalse();
	}

	@Test
	void theCashOfAGuideIsProjectsTimesCashPerProject() {
		assertThat(EnterpriseCashMinimum.cashOf(3, Money.of("33333.33"))).isEqualTo(Money.of("99999.99"));
	}

	private static Contribution guide(GuideStatus status, int projects, String cash) {
		return new Contribution(UUID.randomUUID(), status, projects, Money.of(cash));
	}

}
