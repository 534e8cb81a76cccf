package org.xietong.batches;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xietong.batches.BatchScheduleTests.APPLICATIONS_CLOSE;
import static org.xietong.batches.BatchScheduleTests.APPLICATIONS_OPEN;
import static org.xietong.batches.BatchScheduleTests.GUIDES_CLOSE;
import static org.xietong.batches.BatchScheduleTests.GUIDES_OPEN;
import static org.xietong.batches.BatchScheduleTests.REVIEW_CLOSES;

class BatchPhaseTests {

	private final BatchSchedule schedule = BatchScheduleTests.notice2024();

	@Test
	void exactlyAtApplicationClosesApplicationsAreStillOpenAndOneSecondLaterTheReviewHasBegun() {
		assertThat(phaseAt(APPLICATIONS_CLOSE)).isEqualTo(BatchPhase.APPLICATION);
		assertThat(phaseAt(APPLICATIONS_CLOSE.plusMillis(999))).isEqualTo(BatchPhase.APPLICATION);
		assertThat(phaseAt(APPLICATIONS_CLOSE.plusSeconds(1))).isEqualTo(BatchPhase.REVIEW);
	}

	@Test
	void eachWindowIncludesItsOpeningInstantAndItsClosingSecond() {
		assertThat(phaseAt(GUIDES_OPEN.minusSeconds(1))).isEqualTo(BatchPhase.NOT_STARTED);
		assertThat(phaseAt(GUIDES_OPEN)).isEqualTo(BatchPhase.GUIDE_SUBMISSION);
		assertThat(phaseAt(GUIDES_CLOSE)).isEqualTo(BatchPhase.GUIDE_SUBMISSION);
		assertThat(phaseAt(GUIDES_CLOSE.plusSeconds(1))).isEqualTo(BatchPhase.GUIDE_REVIEW);
		assertThat(phaseAt(APPLICATIONS_OPEN.minusSeconds(1))).isEqualTo(BatchPhase.GUIDE_REVIEW);
		assertThat(phaseAt(APPLICATIONS_OPEN)).isEqualTo(BatchPhase.APPLICATION);
		assertThat(phaseAt(REVIEW_CLOSES)).isEqualTo(BatchPhase.REVIEW);
		assertThat(phaseAt(REVIEW_CLOSES.plusSeconds(1))).isEqualTo(BatchPhase.DECISION);
	}

	@Test
	void aPhaseOfNoLengthIsSkipped() {
		BatchSchedule noGap = new BatchSchedule(GUIDES_OPEN, GUIDES_CLOSE, GUIDES_CLOSE, APPLICATIONS_CLOSE,
				REVIEW_CLOSES);

		assertThat(noGap.phaseAt(GUIDES_CLOSE)).isEqualTo(BatchPhase.APPLICATION);
		assertThat(noGap.phaseAt(GUIDES_CLOSE.minusSeconds(1))).isEqualTo(BatchPhase.GUIDE_SUBMISSION);
	}

	@Test
	void everyPhaseButTheFirstStartsWhereThePreviousEnds() {
		BatchPhase[] phases = BatchPhase.values();
		assertThat(phases[0].startsAt()).isEmpty();
		assertThat(phases[phases.length - 1].endsAt()).isEmpty();
		for (int i = 1; i < phases.length; i++) {
			assertThat(phases[i].startsAt()).as(phases[i].name()).isEqualTo(phases[i - 1].endsAt());
		}
	}

	private BatchPhase phaseAt(Instant instant) {
		return this.schedule.phaseAt(instant);
	}

}
