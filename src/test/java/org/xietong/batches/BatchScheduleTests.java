package org.xietong.batches;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BatchScheduleTests {

	static final Instant GUIDES_OPEN = at("2024-09-01T00:00:00+08:00");

	static final Instant GUIDES_CLOSE = at("2024-09-20T23:59:59+08:00");

	static final Instant APPLICATIONS_OPEN = at("2024-10-25T00:00:00+08:00");

	static final Instant APPLICATIONS_CLOSE = at("2024-11-01T23:59:59+08:00");

	static final Instant REVIEW_CLOSES = at("2024-12-15T23:59:59+08:00");

	static BatchSchedule notice2024() {
		return new BatchSchedule(GUIDES_OPEN, GUIDES_CLOSE, APPLICATIONS_OPEN, APPLICATIONS_CLOSE, REVIEW_CLOSES);
	}

	@Test
	void acceptsMilestonesInOrderAndEqualNeighbours() {
		assertThat(notice2024().milestones()).containsKeys("guideSubmissionOpens", "guideSubmissionCloses",
				"applicationOpens", "applicationCloses", "reviewCloses");
		BatchSchedule touching = new BatchSchedule(GUIDES_OPEN, GUIDES_CLOSE, GUIDES_CLOSE, APPLICATIONS_CLOSE,
				APPLICATIONS_CLOSE);
		assertThat(touching.applicationOpens()).isEqualTo(touching.guideSubmissionCloses());
	}

	@Test
	void refusesAMilestoneBeforeTheOneAboveItNamingTheLaterField() {
		assertThatThrownBy(() -> new BatchSchedule(GUIDES_OPEN, GUIDES_CLOSE, APPLICATIONS_CLOSE, APPLICATIONS_OPEN,
				REVIEW_CLOSES))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
					.containsExactly(tuple("schedule.applicationCloses", "SCHEDULE_OUT_OF_ORDER"));
			});
		assertThatThrownBy(
				() -> new BatchSchedule(GUIDES_CLOSE, GUIDES_OPEN, APPLICATIONS_OPEN, APPLICATIONS_CLOSE, GUIDES_OPEN))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactly("schedule.guideSubmissionCloses", "schedule.reviewCloses"));
	}

	@Test
	void requiresEveryMilestone() {
		assertThatThrownBy(() -> new BatchSchedule(GUIDES_OPEN, null, APPLICATIONS_OPEN, null, REVIEW_CLOSES))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
						.containsExactly(tuple("schedule.guideSubmissionCloses", "REQUIRED"),
								tuple("schedule.applicationCloses", "REQUIRED")));
	}

	@Test
	void dropsFractionsOfASecond() {
		BatchSchedule schedule = new BatchSchedule(GUIDES_OPEN, GUIDES_CLOSE, APPLICATIONS_OPEN,
				APPLICATIONS_CLOSE.plusMillis(999), REVIEW_CLOSES);

		assertThat(schedule.applicationCloses()).isEqualTo(APPLICATIONS_CLOSE);
	}

	@Test
	void theNextDeadlineIsTheMilestoneThatEndsTheCurrentPhase() {
		BatchSchedule schedule = notice2024();

		assertThat(schedule.nextDeadlineAfter(GUIDES_OPEN.minusSeconds(1)))
			.contains(new BatchSchedule.Deadline("guideSubmissionOpens", GUIDES_OPEN));
		assertThat(schedule.nextDeadlineAfter(GUIDES_OPEN))
			.contains(new BatchSchedule.Deadline("guideSubmissionCloses", GUIDES_CLOSE));
		assertThat(schedule.nextDeadlineAfter(GUIDES_CLOSE.plusSeconds(1)))
			.contains(new BatchSchedule.Deadline("applicationOpens", APPLICATIONS_OPEN));
		assertThat(schedule.nextDeadlineAfter(APPLICATIONS_CLOSE))
			.contains(new BatchSchedule.Deadline("applicationCloses", APPLICATIONS_CLOSE));
		assertThat(schedule.nextDeadlineAfter(APPLICATIONS_CLOSE.plusSeconds(1)))
			.contains(new BatchSchedule.Deadline("reviewCloses", REVIEW_CLOSES));
		assertThat(schedule.nextDeadlineAfter(REVIEW_CLOSES.plusSeconds(1))).isEmpty();
	}

	static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
