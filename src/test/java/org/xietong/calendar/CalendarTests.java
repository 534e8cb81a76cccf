package org.xietong.calendar;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class CalendarTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void thePublishedCalendarsOf2024And2025AreLoadedOnFirstStart() {
		Response y2024 = this.api.get("/api/v1/calendar/2024", null);

		assertThat(y2024.status()).isEqualTo(200);
		assertThat(y2024.json().get("holidays").size()).isEqualTo(28);
		assertThat(y2024.json().get("makeupWorkdays").values().stream().map(d -> d.asString())).contains("2024-09-29",
				"2024-10-12");
		assertThat(this.api.get("/api/v1/calendar/2025", null).json().get("holidays").size()).isEqualTo(28);
	}

	@Test
	void aNoticeOpenedOnFriday27September2024ClosesAtTheEndOf9October() {
		Response period = this.api.get("/api/v1/calendar/working-days?from=2024-09-27&count=5", null);

		assertThat(period.json().get("lastDay").asString()).isEqualTo("2024-10-09");
		assertThat(period.json().get("closesAt").asString()).isEqualTo("2024-10-09T23:59:59+08:00");
	}

	@Test
	void theDepartmentEntersAYearAndOnlyTheDepartmentMay() {
		String dept = this.api.token("dept");
		Map<String, Object> year = Map.of("holidays", List.of("2026-01-01", "2026-01-02"), "makeupWorkdays",
				List.of("2026-01-04"));

		assertThat(this.api.put("/api/v1/calendar/2026", this.api.token("jlu-teacher1"), year).status()).isEqualTo(403);
		assertThat(this.api.put("/api/v1/calendar/2026", this.api.token("sysadmin"), year).status()).isEqualTo(403);
		Response put = this.api.put("/api/v1/calendar/2026", dept, year);

		assertThat(put.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/calendar/working-days?from=2026-01-01&count=1", null)
			.json()
			.get("lastDay")
			.asString()).isEqualTo("2026-01-04");
	}

	@Test
	void badDatesAreRefusedWithEachOneNamedAndNothingChanges() {
		String dept = this.api.token("dept");
		Response refused = this.api.put("/api/v1/calendar/2025", dept, Map.of("holidays",
				List.of("2024-12-31", "2025-10-01"), "makeupWorkdays", List.of("2025-10-01", "2025-10-09")));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").values().stream().map(e -> e.get("code").asString()))
			.contains("DATE_OUTSIDE_YEAR", "BOTH_HOLIDAY_AND_WORKDAY", "MAKEUP_NOT_WEEKEND");
		assertThat(this.api.get("/api/v1/calendar/2025", null).json().get("holidays").size()).isEqualTo(28);
	}

	@Test
	void thePublicCalendarPageListsTheHolidays() {
		Response page = this.api.get("/calendar?year=2024", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("2024-10-01").contains("2024-09-29").contains("调休上班日");
	}

}
