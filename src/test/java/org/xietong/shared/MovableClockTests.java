package org.xietong.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTests {

	private final Instant start = Instant.parse("2024-10-25T00:00:00Z");

	private final MovableClock clock = new MovableClock(Clock.fixed(this.start, ZoneId.of("Asia/Shanghai")));

	@Test
	void advancesAndSetsAndResets() {
		this.clock.advance(Duration.ofDays(8));
		assertThat(this.clock.instant()).isEqualTo(this.start.plus(Duration.ofDays(8)));

		this.clock.set(Instant.parse("2024-11-01T15:59:59Z"));
		assertThat(this.clock.instant()).isEqualTo(Instant.parse("2024-11-01T15:59:59Z"));

		this.clock.reset();
		assertThat(this.clock.instant()).isEqualTo(this.start);
	}

	@Test
	void aClockInAnotherZoneSharesTheOffset() {
		Clock utc = this.clock.withZone(ZoneId.of("UTC"));
		this.clock.advance(Duration.ofHours(2));
		assertThat(utc.instant()).isEqualTo(this.start.plus(Duration.ofHours(2)));
		assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
	}

}
