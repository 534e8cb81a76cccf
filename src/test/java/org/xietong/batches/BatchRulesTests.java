package org.xietong.batches;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class BatchRulesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDefaultsAreThe2024NoticesRules() {
		BatchRules rules = BatchRules.notice2024();

		assertThat(rules.completionDueMonths()).isEqualTo(24);
		assertThat(rules.minEnterpriseAgeYears()).isEqualTo(2);
		assertThat(rules.minEnterpriseCash()).isEqualTo(Money.yuan(200_000));
		assertThat(rules.typeMinimums()).containsExactly(entry(ProjectType.NEW_DISCIPLINES, Money.yuan(20_000)),
				entry(ProjectType.CURRICULUM, Money.yuan(20_000)),
				entry(ProjectType.TEACHER_TRAINING, Money.yuan(10_000)),
				entry(ProjectType.PRACTICE_BASE, Money.yuan(50_000)),
				entry(ProjectType.INNOVATION_EDUCATION, Money.yuan(20_000)),
				entry(ProjectType.INNOVATION_FUND, Money.yuan(20_000)));
		assertThat(rules.keyProjectQuota()).isEqualTo(20);
		assertThat(rules.noticeWorkingDays()).isEqualTo(5);
		assertThat(rules.maxApplicationsPerTeacher()).isEqualTo(3);
		assertThat(rules.maxProjectsInProgressPerTeacher()).isEqualTo(3);
		assertThat(rules.expertsPerApplication()).isEqualTo(3);
		assertThat(rules.maxEndorsementsPerEnterprise()).isEqualTo(6);
		assertThat(rules.maxEndorsementsPerEnterpriseAndType()).isEqualTo(2);
		assertThat(rules.directions()).containsExactly("人工智能", "数字经济", "机器人与装备制造", "新能源", "智能农业", "智能医学", "新文科");
		assertThat(rules.industries()).containsExactly("汽车", "冰雪", "医药健康", "光电信息", "人工智能", "生态环保(新能源)", "碳纤维(化工新材料)",
				"文化旅游", "现代农业", "休闲康养", "智能制造", "电子商务", "乡村振兴");
		assertThat(rules.attachmentMaxBytes()).isEqualTo(20L * 1024 * 1024);
		assertThat(rules.agreementDueDays()).isEqualTo(30);
		assertThat(rules.maxExtensionMonths()).isEqualTo(12);
		assertThat(rules.maxRectifications()).isEqualTo(1);
		assertThat(rules.overdueBlocksApplications()).isTrue();
	}

	@Test
	void mergingNothingGivesTheNoticesRules() {
		assertThat(BatchRules.merge(null)).isEqualTo(BatchRules.notice2024());
		assertThat(BatchRules.merge(BatchRules.Overrides.none())).isEqualTo(BatchRules.notice2024());
	}

	@Test
	void aPartialRequestChangesOnlyTheRulesAndTypesItNames() {
		BatchRules merged = BatchRules.merge(read("""
				{"keyProjectQuota": 30, "minEnterpriseCash": 250000.50,
				 "typeMinimums": {"TEACHER_TRAINING": "15000"}, "directions": ["人工智能", "低空经济"]}"""));

		BatchRules notice = BatchRules.notice2024();
		assertThat(merged.keyProjectQuota()).isEqualTo(30);
		assertThat(merged.minEnterpriseCash()).isEqualTo(Money.of("250000.50"));
		assertThat(merged.minimumFor(ProjectType.TEACHER_TRAINING)).isEqualTo(Money.yuan(15_000));
		assertThat(merged.minimumFor(ProjectType.PRACTICE_BASE)).isEqualTo(Money.yuan(50_000));
		assertThat(merged.directions()).containsExactly("人工智能", "低空经济");
		assertThat(merged.industries()).isEqualTo(notice.industries());
		assertThat(merged.noticeWorkingDays()).isEqualTo(notice.noticeWorkingDays());
		assertThat(merged.maxEndorsementsPerEnterprise()).isEqualTo(6);
	}

	@Test
	void theRulesOfAProjectsLifeAreSetPerBatchAndOmittedOnesKeepTheNoticesValues() {
		BatchRules merged = BatchRules.merge(read("""
				{"agreementDueDays": 45, "maxRectifications": 0, "overdueBlocksApplications": false}"""));

		assertThat(merged.agreementDueDays()).isEqualTo(45);
		assertThat(merged.maxRectifications()).isZero();
		assertThat(merged.overdueBlocksApplications()).isFalse();
		assertThat(merged.maxExtensionMonths()).isEqualTo(12);
		assertThat(merged.completionDueMonths()).isEqualTo(24);
		assertThat(BatchRules.merge(read("{\"maxExtensionMonths\": 6}")).maxExtensionMonths()).isEqualTo(6);
		assertThat(BatchRules.merge(read("{\"maxExtensionMonths\": 6}")).overdueBlocksApplications()).isTrue();
		assertThat(merged.with(read("{\"overdueBlocksApplications\": true}")).overdueBlocksApplications()).isTrue();
		assertThat(merged.with(BatchRules.Overrides.none())).isEqualTo(merged);
	}

	@Test
	void refusesProjectRulesOutOfRangeNamingEachField() {
		assertThatThrownBy(() -> BatchRules.merge(read("""
				{"agreementDueDays": 0, "maxExtensionMonths": 37, "maxRectifications": 4}""")))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
					.containsExactlyInAnyOrder(tuple("rules.agreementDueDays", "AGREEMENT_DAYS_RANGE"),
							tuple("rules.maxExtensionMonths", "EXTENSION_MONTHS_RANGE"),
							tuple("rules.maxRectifications", "RECTIFICATIONS_RANGE"));
			});
		assertThatThrownBy(() -> BatchRules.merge(read("""
				{"agreementDueDays": 366, "maxExtensionMonths": 0, "maxRectifications": -1}""")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactlyInAnyOrder("rules.agreementDueDays", "rules.maxExtensionMonths",
								"rules.maxRectifications"));

		BatchRules lowest = BatchRules.merge(read("""
				{"agreementDueDays": 1, "maxExtensionMonths": 1, "maxRectifications": 0}"""));
		BatchRules highest = BatchRules.merge(read("""
				{"agreementDueDays": 365, "maxExtensionMonths": 36, "maxRectifications": 3}"""));
		assertThat(List.of(lowest.agreementDueDays(), lowest.maxExtensionMonths(), lowest.maxRectifications()))
			.containsExactly(1, 1, 0);
		assertThat(List.of(highest.agreementDueDays(), highest.maxExtensionMonths(), highest.maxRectifications()))
			.containsExactly(365, 36, 3);
	}

	@Test
	void anExplicitNullLiftsACapAndAnOmittedCapKeepsTheDefault() {
		BatchRules merged = BatchRules.merge(read("{\"maxEndorsementsPerEnterprise\": null}"));

		assertThat(merged.maxEndorsementsPerEnterprise()).isNull();
		assertThat(merged.maxEndorsementsPerEnterpriseAndType()).isEqualTo(2);
		assertThat(BatchRules.merge(read("{\"maxEndorsementsPerEnterpriseAndType\": 4}"))
			.maxEndorsementsPerEnterpriseAndType()).isEqualTo(4);
	}

	@Test
	void refusesInvalidRulesNamingEachField() {
		assertThatThrownBy(() -> BatchRules.merge(read("""
				{"minEnterpriseCash": -1, "typeMinimums": {"TEACHER_TRAINING": -0.01, "GARDENING": 1},
				 "noticeWorkingDays": 0, "expertsPerApplication": 16, "keyProjectQuota": -1,
				 "maxEndorsementsPerEnterprise": -2, "completionDueMonths": 0, "attachmentMaxBytes": 0,
				 "directions": ["人工智能", " "], "industries": ["汽车", "汽车"]}""")))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.code()).isEqualTo("VALIDATION_FAILED");
				assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
					.containsExactlyInAnyOrder(tuple("rules.minEnterpriseCash", "NEGATIVE_AMOUNT"),
							tuple("rules.typeMinimums.TEACHER_TRAINING", "NEGATIVE_AMOUNT"),
							tuple("rules.typeMinimums.GARDENING", "UNKNOWN_PROJECT_TYPE"),
							tuple("rules.noticeWorkingDays", "NOTICE_DAYS_RANGE"),
							tuple("rules.expertsPerApplication", "EXPERTS_RANGE"),
							tuple("rules.keyProjectQuota", "NEGATIVE_NUMBER"),
							tuple("rules.maxEndorsementsPerEnterprise", "NEGATIVE_NUMBER"),
							tuple("rules.completionDueMonths", "COMPLETION_MONTHS_RANGE"),
							tuple("rules.attachmentMaxBytes", "ATTACHMENT_SIZE_RANGE"),
							tuple("rules.directions", "BLANK_ENTRY"), tuple("rules.industries", "DUPLICATE_ENTRY"));
			});
	}

	@Test
	void refusesEmptyListsAndAcceptsTheLimitsThemselves() {
		assertThatThrownBy(() -> BatchRules.merge(read("{\"directions\": [], \"industries\": [\"汽车\", null]}")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
						.containsExactly(tuple("rules.directions", "LIST_EMPTY"),
								tuple("rules.industries", "BLANK_ENTRY")));

		BatchRules limits = BatchRules.merge(read("""
				{"noticeWorkingDays": 30, "expertsPerApplication": 15, "keyProjectQuota": 0, "minEnterpriseCash": 0,
				 "maxEndorsementsPerEnterprise": 0, "attachmentMaxBytes": 52428800}"""));
		assertThat(limits.noticeWorkingDays()).isEqualTo(30);
		assertThat(limits.expertsPerApplication()).isEqualTo(15);
		assertThat(limits.minEnterpriseCash()).isEqualTo(Money.ZERO);
	}

	@Test
	void rulesAreValuesThatCannotBeChangedAfterTheFact() {
		BatchRules rules = BatchRules
			.merge(new BatchRules.Overrides(null, null, null, Map.of(), null, null, null, null, null, Optional.empty(),
					null, new java.util.ArrayList<>(List.of(" 人工智能 ")), null, null, null, null, null, null));

		assertThat(rules.directions()).containsExactly("人工智能");
		assertThatThrownBy(() -> rules.directions().add("x")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> rules.typeMinimums().put(ProjectType.CURRICULUM, Money.ZERO))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void onlyPracticeBasesAreMeasuredInHardwareAndSoftware() {
		assertThat(ProjectType.PRACTICE_BASE.measure()).isEqualTo(ProjectType.Measure.HARDWARE_SOFTWARE);
		assertThat(ProjectType.INNOVATION_EDUCATION.measure()).isEqualTo(ProjectType.Measure.CASH);
		assertThat(List.of(ProjectType.values())).filteredOn(ProjectType::isMeasuredInCash)
			.containsExactly(ProjectType.NEW_DISCIPLINES, ProjectType.CURRICULUM, ProjectType.TEACHER_TRAINING,
					ProjectType.INNOVATION_EDUCATION, ProjectType.INNOVATION_FUND);
	}

	private BatchRules.Overrides read(String text) {
		return this.json.readValue(text, BatchRules.Overrides.class);
	}

}
