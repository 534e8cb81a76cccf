package org.xietong.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@PlatformTest
class DevClockTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theDepartmentOfficerMovesTheClockThatRulesRead() {
		String dept = this.api.token("dept");
		Instant before = this.clock.instant();

		Response moved = this.api.post("/api/v1/dev/clock", dept, Map.of("advance", "P8D"));

		assertThat(moved.status()).isEqualTo(200);
		Instant now = OffsetDateTime.parse(moved.json().get("instant").asString()).toInstant();
		assertThat(Duration.between(before, now).toHours()).isBetween(191L, 193L);
		assertThat(this.clock.instant()).isCloseTo(now, within(Duration.ofSeconds(5)));
	}

	@Test
	void theSystemAdministratorSetsTheClockToAnInstant() {
		String sysadmin = this.api.token("sysadmin");

		Response set = this.api.post("/api/v1/dev/clock", sysadmin, Map.of("instant", "2024-11-01T23:59:59+08:00"));

		assertThat(set.status()).isEqualTo(200);
		assertThat(this.clock.instant()).isCloseTo(Instant.parse("2024-11-01T15:59:59Z"),
				within(Duration.ofSeconds(5)));
		assertThat(this.api.get("/api/v1/dev/clock", sysadmin).json().get("instant").asString())
			.startsWith("2024-11-01T23:59");
	}

	@Test
	void otherRolesCannotMoveTheClock() {
		for (String user : new String[] { "jlu-teacher1", "ent-auto", "auditor" }) {
			Response refused = this.api.post("/api/v1/dev/clock", this.api.token(user), Map.of("advance", "P1D"));
			assertThat(refused.status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.post("/api/v1/dev/clock", null, Map.of("advance", "P1D")).status()).isEqualTo(401);
		assertThat(this.clock.offset()).isEqualTo(Duration.ZERO);
	}

	@Test
	void aBadDurationIsAValidationProblem() {
		Response refused = this.api.post("/api/v1/dev/clock", this.api.token("dept"), Map.of("advance", "eight days"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("advance");
		assertThat(this.clock.offset()).isEqualTo(Duration.ZERO);
	}

}
