package org.xietong.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedProjects.Published;
import tools.jackson.databind.JsonNode;

/**
 * The statistics API on a batch the lifecycle made: three approved projects to one
 * enterprise's guide from two universities, one running with half its cash paid. The
 * figures are what the lifecycle did, each breakdown adds up to its total, and each
 * organisation sees only its own.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	Published published;

	BigDecimal agreed;

	BigDecimal paid;

	@BeforeAll
	void aBatchWithThreeProjectsOneRunningAndHalfPaid() {
		this.api = new Api(this.port);
		ThreeProjectsOneRunning batch = ThreeProjectsOneRunning.make(this.api, this.batches, this.clock);
		this.published = batch.published();
		this.agreed = batch.agreed();
		this.paid = batch.paid();
	}

	@AfterAll
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theBatchsFiguresAreWhatItsLifecycleDid() {
		JsonNode stats = batchStatistics();

		assertThat(stats.get("batchId").asString()).isEqualTo(batchId().toString());
		assertThat(stats.get("asOf").asString()).endsWith("+08:00");
		assertThat(stats.at("/enterprises/participating").asLong()).isEqualTo(1);
		JsonNode applications = stats.get("applications");
		for (String stage : new String[] { "submitted", "endorsed", "reviewed", "selected", "recommended",
				"approved" }) {
			assertThat(applications.get(stage).asLong()).as(stage).isEqualTo(3);
		}
		for (String none : new String[] { "drafts", "key", "rejected", "withdrawn" }) {
			assertThat(applications.get(none).asLong()).as(none).isZero();
		}
		assertThat(stats.at("/projects/total").asLong()).isEqualTo(3);
		assertThat(stats.at("/projects/inProgress").asLong()).isEqualTo(1);
		assertThat(stats.at("/projects/awaitingAgreement").asLong()).isEqualTo(2);
		assertThat(stats.at("/projects/agreementsSigned").asLong()).isEqualTo(1);
		assertThat(stats.at("/projects/overdue").asLong()).isZero();
		assertThat(stats.at("/funds/cashAgreed").asString()).isEqualTo(this.agreed.toPlainString());
		assertThat(stats.at("/funds/cashPaid").asString()).isEqualTo(this.paid.toPlainString());
		assertThat(stats.at("/funds/cashConfirmed").asString()).isEqualTo("0.00");
		assertThat(stats.at("/guides/published").asLong()).isPositive();
		assertThat(new BigDecimal(stats.at("/guides/cashOffered").asString())).isPositive();
		assertThat(stats.at("/guides/cashOffered").asString()).matches("\\d+\\.\\d{2}");
		assertThat(stats.get("byUniversity")).hasSize(2);
		assertThat(stats.get("byType")).hasSize(1);
		assertThat(stats.at("/byType/0/type").asString()).isEqualTo("CURRICULUM");
		assertThat(stats.at("/byType/0/approved").asLong()).isEqualTo(3);
	}

	@Test
	void everyBreakdownAddsUpToTheTotalsAboveIt() {
		JsonNode stats = batchStatistics();
		Map<String, String> totals = Map.ofEntries(Map.entry("submitted", "/applications/submitted"),
				Map.entry("endorsed", "/applications/endorsed"), Map.entry("received", "/applications/endorsed"),
				Map.entry("selected", "/applications/selected"), Map.entry("recommended", "/applications/recommended"),
				Map.entry("approved", "/applications/approved"), Map.entry("key", "/applications/key"),
				Map.entry("projects", "/projects/total"), Map.entry("completed", "/projects/completed"),
				Map.entry("guides", "/guides/published"), Map.entry("projectsOffered", "/guides/projectsOffered"),
				Map.entry("cashOffered", "/guides/cashOffered"), Map.entry("cashAgreed", "/funds/cashAgreed"),
				Map.entry("cashPaid", "/funds/cashPaid"));
		int checked = 0;
		for (String table : new String[] { "byUniversity", "byEnterprise", "byType", "byDirection", "byIndustry" }) {
			Map<String, BigDecimal> sums = new HashMap<>();
			for (JsonNode row : stats.get(table)) {
				row.properties().forEach(field -> {
					if (totals.containsKey(field.getKey())) {
						sums.merge(field.getKey(), new BigDecimal(field.getValue().asString()), BigDecimal::add);
					}
				});
			}
			assertThat(sums).as(table).isNotEmpty();
			for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
				assertThat(sum.getValue()).as(table + "." + sum.getKey())
					.isEqualByComparingTo(new BigDecimal(stats.at(totals.get(sum.getKey())).asString()));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(30);
	}

	@Test
	void aUniversitySeesOnlyItsOwnTeachersAndNeverAnotherUniversitys() {
		String jlu = organization("jlu-admin");
		String nenu = organization("nenu-admin");
		Response own = this.api.get(universityPath(jlu), this.api.token("jlu-admin"));
		Response other = this.api.get(universityPath(jlu), this.api.token("nenu-admin"));
		Response byDepartment = this.api.get(universityPath(nenu), this.api.token("dept"));

		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().at("/applications/submitted").asLong()).isEqualTo(2);
		assertThat(own.json().at("/projects/total").asLong()).isEqualTo(2);
		assertThat(own.json().has("guides")).isFalse();
		assertThat(own.json().get("byTeacher")).hasSize(2);
		assertThat(own.json().get("name").asString()).isNotBlank();
		assertThat(own.json().has("endorsementCaps")).isTrue();
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.code()).isEqualTo("NOT_FOUND");
		assertThat(byDepartment.status()).isEqualTo(200);
		assertThat(byDepartment.json().at("/applications/submitted").asLong()).isEqualTo(1);
	}

	@Test
	void anEnterpriseSeesItsGuidesAndNeverAnotherEnterprises() {
		PublishedGuides.Enterprise enterprise = this.published.batch().enterprise();
		Response own = this.api.get(enterprisePath(enterprise.id()), enterprise.token());
		Response other = this.api.get(enterprisePath(organization("ent-auto")), enterprise.token());
		Response university = this.api.get(enterprisePath(enterprise.id()), this.api.token("jlu-admin"));

		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().at("/applications/endorsed").asLong()).isEqualTo(3);
		assertThat(own.json().at("/funds/cashPaid").asString()).isEqualTo(this.paid.toPlainString());
		assertThat(own.json().get("byGuide").size()).isPositive();
		assertThat(own.json().get("byUniversity")).hasSize(2);
		assertThat(other.status()).isEqualTo(404);
		assertThat(university.status()).isEqualTo(404);
	}

	@Test
	void teachersExpertsAndTheAdministratorsAreRefusedAndAnUnknownBatchIsNotFound() {
		String jlu = organization("jlu-admin");
		for (String user : new String[] { "jlu-teacher1", "expert-auto", "sysadmin", "auditor" }) {
			String token = this.api.token(user);
			assertThat(this.api.get("/api/v1/batches/" + batchId() + "/statistics", token).status()).as(user)
				.isEqualTo(403);
			assertThat(this.api.get(universityPath(jlu), token).status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.get("/api/v1/batches/" + batchId() + "/statistics", this.api.token("jlu-admin")).status())
			.isEqualTo(403);
		assertThat(
				this.api.get("/api/v1/batches/" + UUID.randomUUID() + "/statistics", this.api.token("dept")).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/universities/" + UUID.randomUUID() + "/statistics", this.api.token("dept"))
			.status()).isEqualTo(404);
	}

	@Test
	void hostileIdentifiersAreRefusedAsProblemsAndChangeNothing() {
		String dept = this.api.token("dept");
		String jlu = organization("jlu-admin");
		Response notAnId = this.api.get("/api/v1/batches/not-a-uuid/statistics", dept);
		Response nul = this.api.get(universityPath(jlu).replace("batchId=" + batchId(), "batchId=%00"), dept);
		Response huge = this.api.get("/api/v1/enterprises/" + "f".repeat(5000) + "/statistics", dept);

		for (Response refused : new Response[] { notAnId, nul, huge }) {
			assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.code()).isNotBlank();
		}
		assertThat(batchStatistics().at("/applications/submitted").asLong()).isEqualTo(3);
	}

	private JsonNode batchStatistics() {
		Response response = this.api.get("/api/v1/batches/" + batchId() + "/statistics", this.api.token("dept"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private UUID batchId() {
		return this.published.batch().batchId();
	}

	private String universityPath(String id) {
		return "/api/v1/universities/" + id + "/statistics?batchId=" + batchId();
	}

	private String enterprisePath(String id) {
		return "/api/v1/enterprises/" + id + "/statistics?batchId=" + batchId();
	}

	private String organization(String username) {
		return this.api.get("/api/v1/me", this.api.token(username)).json().get("organizationId").asString();
	}

}
