package org.xietong.guides;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each decision on a guide reaches the enterprise's inbox. */
@PlatformTest
class GuideNotificationsTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Test
	void submittingAndAReturnAreToldToTheEnterpriseWithTheGuideAndTheReason() {
		Api api = new Api(this.port);
		GuideFixtures fixtures = new GuideFixtures(api, this.batches, this.clock);
		String batch = fixtures.openBatch().id().toString();
		GuideFixtures.Enterprise enterprise = fixtures.eligibleEnterprise();
		List<String> ids = fixtures.submitted(batch, enterprise,
				GuideFixtures.guide("CURRICULUM", "智能网联汽车课程群建设", "100000.00", "0.00", 2));

		api.post("/api/v1/guides/" + ids.get(0) + "/return", api.token("dept"), Map.of("reason", "请补充师资安排"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(api.get("/api/v1/me/notifications", enterprise.token())
				.json()
				.get("items")
				.values()
				.stream()
				.map(m -> m.get("key").asString())).contains("inbox.GUIDES_SUBMITTED", "inbox.GUIDE_RETURNED"));
		var returned = api.get("/api/v1/me/notifications", enterprise.token())
			.json()
			.get("items")
			.values()
			.stream()
			.filter(m -> m.get("key").asString().equals("inbox.GUIDE_RETURNED"))
			.findFirst()
			.orElseThrow();
		assertThat(returned.get("arguments").get(0).asString()).isEqualTo("智能网联汽车课程群建设");
		assertThat(returned.get("arguments").get(1).asString()).isEqualTo("请补充师资安排");
		assertThat(returned.get("link").asString()).isEqualTo("/guides/" + ids.get(0));
	}

}
