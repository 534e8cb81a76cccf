package org.xietong.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xietong.shared.FirstStart;
import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchSchedule;

/**
 * Two demo batches, made once: the real 2024 batch with the notice's application window,
 * all of whose windows have closed, and a 2025 batch placed around the platform's clock
 * so that guide submission is open on the day the demo starts.
 */
@Component
@Profile("demo")
@Order(10)
class DemoBatch implements ApplicationRunner {

	static final String CODE_2024 = "JL-2024";

	static final String CODE_2025 = "JL-2025";

	private static final Logger log = LoggerFactory.getLogger(DemoBatch.class);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final BatchManagement batches;

	private final Clock clock;

	private final FirstStart firstStart;

	DemoBatch(BatchManagement batches, Clock clock, FirstStart firstStart) {
		this.firstStart = firstStart;
		this.batches = batches;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.firstStart.once(this::create);
	}

	private void create() {
		if (this.batches.findByCode(CODE_2024).isEmpty()) {
			this.batches.create(BatchDefinition.withNoticeRules(CODE_2024, "2024年吉林省高等教育产学合作协同育人项目", 2024,
					new BatchSchedule(instant("2024-09-01T00:00:00+08:00"), instant("2024-09-20T23:59:59+08:00"),
							instant("2024-10-25T00:00:00+08:00"), instant("2024-11-01T23:59:59+08:00"),
							instant("2024-12-15T23:59:59+08:00"))));
			log.info("Created the demo batch {} with the 2024 notice's schedule and rules", CODE_2024);
		}
		if (this.batches.findByCode(CODE_2025).isEmpty()) {
			LocalDate today = LocalDate.now(this.clock.withZone(SHANGHAI));
			this.batches.create(BatchDefinition.withNoticeRules(CODE_2025, "2025年吉林省高等教育产学合作协同育人项目", 2025,
					new BatchSchedule(startOf(today.minusDays(7)), endOf(today.plusDays(20)),
							startOf(today.plusDays(35)), endOf(today.plusDays(45)), endOf(today.plusDays(75)))));
			log.info("Created the demo batch {}: guide submission is open until {}", CODE_2025, today.plusDays(20));
		}
	}

	private static Instant instant(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(SHANGHAI).toInstant();
	}

	private static Instant endOf(LocalDate day) {
		return day.atTime(LocalTime.of(23, 59, 59)).atZone(SHANGHAI).toInstant();
	}

}
