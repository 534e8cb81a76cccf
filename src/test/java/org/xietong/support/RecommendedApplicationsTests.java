package org.xietong.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.RecommendedApplications.Item;
import org.xietong.support.RecommendedApplications.Recommended;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture that brings applications through review to the department, over HTTP.
 */
@PlatformTest
class RecommendedApplicationsTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	RecommendedApplications fixture;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixture = new RecommendedApplications(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyApplicationMadeByTheFixtureIsRecommendedToTheDepartment() {
		this.clock.advance(Duration.ofHours(1));
		Duration before = this.clock.offset();

		Recommended recommended = this.fixture.recommend(null, 2, "CURRICULUM", "TEACHER_TRAINING");

		assertThat(this.clock.offset()).isEqualTo(before);
		assertThat(recommended.guideIds()).hasSize(2);
		assertThat(recommended.applications()).hasSize(4);
		assertThat(recommended.ids()).doesNotHaveDuplicates();
		String dept = this.api.token("dept");
		for (Item item : recommended.applications()) {
			Api.Response application = this.api.get("/api/v1/applications/" + item.applicationId(), dept);
			assertThat(application.status()).as(application.toString()).isEqualTo(200);
			assertThat(application.json().get("status").asString()).isEqualTo("RECOMMENDED");
			assertThat(application.json().get("title").asString()).isEqualTo(item.title());
		}
		assertThat(recommended.applications().stream().map(Item::universityId).distinct()).hasSize(2);
		assertThat(recommended.applications().stream().map(Item::teacherId).distinct()).hasSize(2);
	}

}
