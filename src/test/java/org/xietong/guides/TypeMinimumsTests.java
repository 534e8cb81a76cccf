package org.xietong.guides;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xietong.batches.BatchRules;
import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice's minimum support per project of each type, without Spring. */
class TypeMinimumsTests {

	private final TypeMinimums minimums = TypeMinimums.of(BatchRules.notice2024());

	@Test
	void refusesTeacherTrainingAtOneFenBelowTenThousandYuan() {
		TypeMinimums.Verdict verdict = this.minimums.check(ProjectType.TEACHER_TRAINING, Money.of("9999.99"),
				Money.ZERO);

		assertThat(verdict.met()).isFalse();
		assertThat(verdict.field()).isEqualTo("cashPerProject");
		assertThat(verdict.minimum()).isEqualTo(Money.yuan(10_000));
		assertThat(verdict.shortfall()).isEqualTo(Money.of("0.01"));
	}

	@Test
	void acceptsTeacherTrainingAtExactlyTenThousandYuan() {
		assertThat(this.minimums.check(ProjectType.TEACHER_TRAINING, Money.of("10000.00"), null).met()).isTrue();
	}

	@Test
	void measuresPracticeBasesInHardwareAndSoftwareNotCash() {
		TypeMinimums.Verdict below = this.minimums.check(ProjectType.PRACTICE_BASE, Money.yuan(1_000_000),
				Money.of("49999.99"));
		TypeMinimums.Verdict enough = this.minimums.check(ProjectType.PRACTICE_BASE, Money.ZERO, Money.yuan(50_000));

		assertThat(below.met()).isFalse();
		assertThat(below.field()).isEqualTo("hardwareSoftwarePerProject");
		assertThat(below.measure()).isEqualTo(ProjectType.Measure.HARDWARE_SOFTWARE);
		assertThat(enough.met()).isTrue();
	}

	@Test
	void doesNotCountHardwareTowardACashTypesMinimum() {
		assertThat(this.minimums.check(ProjectType.CURRICULUM, Money.of("19999.99"), Money.yuan(500_000)).met())
			.isFalse();
		assertThat(this.minimums.check(ProjectType.CURRICULUM, Money.yuan(20_000), null).met()).isTrue();
	}

	@Test
	void aMissingAmountCountsAsZero() {
		assertThat(this.minimums.check(ProjectType.INNOVATION_FUND, null, null).actual()).isEqualTo(Money.ZERO);
	}

	@Test
	void followsTheBatchsOwnMinimums() {
		Map<ProjectType, Money> lower = new EnumMap<>(BatchRules.notice2024().typeMinimums());
		lower.put(ProjectType.TEACHER_TRAINING, Money.yuan(5_000));

		assertThat(new TypeMinimums(lower).check(ProjectType.TEACHER_TRAINING, Money.yuan(5_000), null).met()).isTrue();
	}

}
