package org.xietong.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys after their 24 hours; harmless when several instances run it
 * at once.
 */
@Component
class Housekeeping {

	private final JdbcClient jdbc;

	private final Clock clock;

	Housekeeping(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldIdempotencyKeys() {
		this.jdbc.sql("DELETE FROM idempotent_requests WHERE created_at < :cutoff")
			.param("cutoff", OffsetDateTime.ofInstant(this.clock.instant().minus(Duration.ofHours(25)), ZoneOffset.UTC))
			.update();
	}

}
