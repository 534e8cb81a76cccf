package org.xietong.organizations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An enterprise sees, for each batch, whether it may take part and why not. */
@PlatformTest
class EligibilityApiTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	Api api;

	String batch;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.batch = this.batches.findByCode("JL-2025").orElseThrow().id().toString();
	}

	@Test
	void anApprovedEstablishedEnterpriseWithItsCreditReportIsEligible() {
		String token = this.api.token("ent-auto");
		String id = this.api.get("/api/v1/me", token).json().get("organizationId").asString();

		Response eligibility = this.api.get("/api/v1/enterprises/" + id + "/eligibility?batchId=" + this.batch, token);

		assertThat(eligibility.status()).isEqualTo(200);
		assertThat(eligibility.json().get("eligible").asBoolean()).isTrue();
		assertThat(eligibility.json().get("conditions").size()).isEqualTo(4);
	}

	@Test
	void aYoungEnterpriseAwaitingReviewIsToldWhichConditionsFail() {
		String token = this.api.token("ent-new");
		String id = this.api.get("/api/v1/me", token).json().get("organizationId").asString();

		Response eligibility = this.api.get("/api/v1/enterprises/" + id + "/eligibility?batchId=" + this.batch, token);

		assertThat(eligibility.json().get("eligible").asBoolean()).isFalse();
		assertThat(eligibility.json()
			.get("conditions")
			.values()
			.stream()
			.filter(c -> !c.get("met").asBoolean())
			.map(c -> c.get("code").asString())).containsExactlyInAnyOrder("APPROVED", "FOUNDED_LONG_ENOUGH");
		assertThat(this.api.get("/enterprise", null).status()).isEqualTo(302);
	}

	@Test
	void anotherEnterpriseCannotAskAboutIt() {
		String id = this.api.get("/api/v1/me", this.api.token("ent-new")).json().get("organizationId").asString();

		assertThat(this.api
			.get("/api/v1/enterprises/" + id + "/eligibility?batchId=" + this.batch, this.api.token("ent-auto"))
			.status()).isEqualTo(404);
		assertThat(
				this.api.get("/api/v1/enterprises/" + id + "/eligibility?batchId=" + this.batch, this.api.token("dept"))
					.status())
			.isEqualTo(200);
	}

}
