package org.xietong.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** What an application must hold before it may be submitted, against its guide's cash. */
class CompletenessTests {

	private static final List<AttachmentView> FORM = List.of(new AttachmentView(UUID.randomUUID(),
			AttachmentKind.APPLICATION_FORM, "申报书.pdf", 100, "application/pdf", "0".repeat(64), Instant.EPOCH));

	@Test
	void aGuideOfferingNoCashNeedsNoBudgetLines() {
		assertThat(codes(content(List.of()), Money.ZERO, FORM)).isEmpty();
	}

	@Test
	void aGuideOfferingCashNeedsABudgetWithinItAndTheSignedForm() {
		assertThat(codes(content(List.of()), Money.yuan(20_000), FORM)).containsExactly("BUDGET_EMPTY");
		assertThat(codes(content(List.of(new BudgetLine("设备费", Money.of("20000.01")))), Money.yuan(20_000), FORM))
			.containsExactly("BUDGET_EXCEEDS_CASH");
		assertThat(codes(content(List.of(new BudgetLine("设备费", Money.yuan(20_000)))), Money.yuan(20_000), List.of()))
			.containsExactly("APPLICATION_FORM_MISSING");
		assertThat(codes(content(List.of(new BudgetLine("设备费", Money.yuan(20_000)))), Money.yuan(20_000), FORM))
			.isEmpty();
	}

	@Test
	void aBudgetLineOnAGuideOfferingNoCashAsksForMoreThanItOffers() {
		assertThat(codes(content(List.of(new BudgetLine("差旅费", Money.yuan(1)))), Money.ZERO, FORM))
			.containsExactly("BUDGET_EXCEEDS_CASH");
	}

	private static ApplicationContent content(List<BudgetLine> budget) {
		return new ApplicationContent("实践基地建设", "摘要", "计划", "成果", List.of(), budget);
	}

	private static List<String> codes(ApplicationContent content, Money cash, List<AttachmentView> attachments) {
		return ApplicationManagement.completeness(content, cash, attachments)
			.stream()
			.map(FieldViolation::code)
			.toList();
	}

}
