package org.xietong.guides;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's transition table and its submission window, without Spring. */
class GuideStatusTests {

	@Test
	void aGuideMayBeWithdrawnUntilItIsPublished() {
		Set<GuideStatus> withdrawable = EnumSet.noneOf(GuideStatus.class);
		for (GuideStatus status : GuideStatus.values()) {
			if (status.canMoveTo(GuideStatus.WITHDRAWN)) {
				withdrawable.add(status);
			}
		}

		assertThat(withdrawable).containsExactlyInAnyOrder(GuideStatus.DRAFT, GuideStatus.SUBMITTED,
				GuideStatus.RETURNED, GuideStatus.APPROVED, GuideStatus.IN_NOTICE);
	}

	@Test
	void onlyAnApprovedGuideGoesUnderNoticeAndOnlyAGuideUnderNoticeIsPublishedOrRevoked() {
		for (GuideStatus status : GuideStatus.values()) {
			assertThat(status.canMoveTo(GuideStatus.IN_NOTICE)).as(status.name())
				.isEqualTo(status == GuideStatus.APPROVED);
			assertThat(status.canMoveTo(GuideStatus.PUBLISHED)).as(status.name())
				.isEqualTo(status == GuideStatus.IN_NOTICE);
			assertThat(status.canMoveTo(GuideStatus.REVOKED)).as(status.name())
				.isEqualTo(status == GuideStatus.IN_NOTICE);
		}
	}

	@Test
	void aReturnedGuideIsCorrectedAndSubmittedAgain() {
		assertThat(GuideStatus.SUBMITTED.canMoveTo(GuideStatus.RETURNED)).isTrue();
		assertThat(GuideStatus.RETURNED.isEditable()).isTrue();
		assertThat(GuideStatus.RETURNED.canMoveTo(GuideStatus.SUBMITTED)).isTrue();
		assertThat(GuideStatus.SUBMITTED.isEditable()).isFalse();
	}

	@Test
	void revokedWithdrawnAndPublishedGuidesGoNowhere() {
		for (GuideStatus end : Set.of(GuideStatus.REVOKED, GuideStatus.WITHDRAWN, GuideStatus.PUBLISHED)) {
			for (GuideStatus next : GuideStatus.values()) {
				assertThat(end.canMoveTo(next)).as(end + " -> " + next).isFalse();
			}
		}
	}

	@Test
	void theSubmissionWindowIncludesItsOpeningInstantAndItsClosingSecond() {
		Instant opens = Instant.parse("2025-03-01T00:00:00Z");
		Instant closes = Instant.parse("2025-03-20T15:59:59Z");
		GuideSubmissionWindow window = new GuideSubmissionWindow(opens, closes, ZoneId.of("Asia/Shanghai"));

		assertThat(window.isOpenAt(opens.minusSeconds(1))).isFalse();
		assertThat(window.isOpenAt(opens)).isTrue();
		assertThat(window.isOpenAt(closes.plusMillis(999))).isTrue();
		assertThat(window.isOpenAt(closes.plusSeconds(1))).isFalse();
		assertThat(window.isAheadOf(opens.minusSeconds(1))).isTrue();
	}

}
