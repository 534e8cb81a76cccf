package org.xietong.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchSchedule;
import org.xietong.batches.BatchView;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/** "My tasks": what waits on each role, in the API and on the home page. */
@PlatformTest
class MyTasksTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void theDepartmentIsAskedToReviewEachNewEnterpriseAndSeesTheCountOnItsHomePage() {
		long before = count(this.api.get("/api/v1/me/tasks", this.api.token("dept")), "ENTERPRISES_TO_REVIEW");
		this.api.post("/api/v1/enterprises", null,
				Samples.registration(Samples.unique("task"), LocalDate.of(2015, 1, 1)));

		Response tasks = this.api.get("/api/v1/me/tasks", this.api.token("dept"));
		PageSession page = new PageSession(this.port);
		page.signIn("dept", Api.DEMO_PASSWORD);

		assertThat(count(tasks, "ENTERPRISES_TO_REVIEW")).isEqualTo(before + 1);
		assertThat(page.page("/home").body()).contains("data-kind=\"ENTERPRISES_TO_REVIEW\"")
			.contains("待审核的企业：" + (before + 1) + " 家");
	}

	@Test
	void anEnterpriseWithADraftGuideIsAskedToSubmitItBeforeTheGuideWindowCloses() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		BatchView batch = this.batches.create(BatchDefinition.withNoticeRules(Samples.unique("TK"), "待办测试批次", 2026,
				new BatchSchedule(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)),
						now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(30)))));
		var enterprise = new PublishedGuides(this.api, this.batches, this.clock).eligibleEnterprise();
		this.api.post("/api/v1/batches/" + batch.id() + "/guides", enterprise.token(),
				PublishedGuides.guide("CURRICULUM", "待提交的指南", "20000.00", "0", 10));

		Response tasks = this.api.get("/api/v1/me/tasks", enterprise.token());

		assertThat(tasks.json()).hasSize(1);
		assertThat(tasks.json().get(0).get("kind").asString()).isEqualTo("GUIDES_TO_SUBMIT");
		assertThat(tasks.json().get(0).get("count").asLong()).isOne();
		assertThat(java.time.OffsetDateTime.parse(tasks.json().get(0).get("deadline").asString()).toInstant())
			.isEqualTo(batch.schedule().guideSubmissionCloses());
		assertThat(this.api.get("/api/v1/me/tasks", null).status()).isEqualTo(401);
	}

	private static long count(Response tasks, String kind) {
		for (var task : tasks.json()) {
			if (task.get("kind").asString().equals(kind)) {
				return task.get("count").asLong();
			}
		}
		return 0;
	}

}
