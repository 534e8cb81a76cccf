package org.xietong.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's 2025 batch starts with guides to review and put under notice. */
@PlatformTest
class DemoGuidesTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Test
	void theCarMakersFiveGuidesAreApprovedAndTheCloudCompanysTwoAreDrafts() {
		Api api = new Api(this.port);
		String batch = this.batches.findByCode(DemoBatch.CODE_2025).orElseThrow().id().toString();
		String auto = api.token("ent-auto");

		Response own = api.get("/api/v1/guides?mine=true&batchId=" + batch, auto);
		Response drafts = api.get("/api/v1/guides?mine=true&batchId=" + batch, api.token("ent-cloud"));
		Response preview = api.get("/api/v1/batches/" + batch + "/guides/submission", auto);

		assertThat(own.json().get("items").values().stream().map(guide -> guide.get("status").asString())).hasSize(5)
			.containsOnly("APPROVED");
		assertThat(drafts.json().get("items").values().stream().map(guide -> guide.get("status").asString())).hasSize(2)
			.containsOnly("DRAFT");
		assertThat(preview.json().get("cash").get("committed").asString()).isEqualTo("290000.00");
	}

}
