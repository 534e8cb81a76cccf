package org.xietong.guides;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.guides.GuideFixtures.Enterprise;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafting and changing guides through the API: the fields, the type minimums to the fen,
 * the batch's lists, versions, and who may do what.
 */
@PlatformTest
class GuidesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	GuideFixtures fixtures;

	String batchId;

	Enterprise enterprise;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixtures = new GuideFixtures(this.api, this.batches, this.clock);
		this.batchId = this.fixtures.openBatch().id().toString();
		this.enterprise = this.fixtures.eligibleEnterprise();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void draftsAGuideWithExactAmountsAndTheEnterprisesName() {
		Response created = this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(),
				GuideFixtures.guide("CURRICULUM", "汽车软件测试课程体系改革", "30000.5", "1234.56", 3));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.json().get("cashPerProject").asString()).isEqualTo("30000.50");
		assertThat(created.json().get("hardwareSoftwarePerProject").asString()).isEqualTo("1234.56");
		assertThat(created.json().get("cashTotal").asString()).isEqualTo("90001.50");
		assertThat(created.json().get("enterpriseName").asString()).isEqualTo(this.enterprise.name());
		assertThat(created.json().get("contact").get("name").asString()).isEqualTo("王工");
		assertThat(created.json().get("version").asLong()).isZero();
		Response read = this.api.get("/api/v1/guides/" + created.json().get("id").asString(), this.enterprise.token());
		assertThat(read.json().get("title").asString()).isEqualTo("汽车软件测试课程体系改革");
		assertThat(audited(created.json().get("id").asString(), "GUIDE_CREATED")).isEqualTo(1);
	}

	@Test
	void refusesTeacherTrainingAtNineThousandNineHundredNinetyNineYuanNinetyNineNamingTheField() {
		Response refused = this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(),
				GuideFixtures.guide("TEACHER_TRAINING", "师资培训", "9999.99", "0", 1));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("GUIDE_BELOW_TYPE_MINIMUM");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cashPerProject");
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("师资培训项目每项实际支持资金不少于 ¥10,000.00，当前 ¥9,999.99 — 不足。");
		assertThat(guidesOf(this.enterprise)).isZero();
	}

	@Test
	void acceptsTeacherTrainingAtExactlyTenThousandYuan() {
		Response created = this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(),
				GuideFixtures.guide("TEACHER_TRAINING", "师资培训", "10000.00", "0", 1));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("cashPerProject").asString()).isEqualTo("10000.00");
	}

	@Test
	void refusesAPracticeBaseWithFortyNineThousandNineHundredNinetyNineYuanNinetyNineOfHardware() {
		Response refused = this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(),
				GuideFixtures.guide("PRACTICE_BASE", "实践基地", "500000.00", "49999.99", 1));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("GUIDE_BELOW_TYPE_MINIMUM");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("hardwareSoftwarePerProject");
		assertThat(this.api
			.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(),
					GuideFixtures.guide("PRACTICE_BASE", "实践基地", "0", "50000.00", 1))
			.status()).isEqualTo(201);
	}

	@Test
	void reportsEveryProblemAtOnceWithTheDirectionAndIndustryOutsideTheBatchsLists() {
		Map<String, Object> body = GuideFixtures.guide("GARDENING", " ", "-1", "0", 0);
		body.put("direction", "园艺");
		body.put("industry", "航海");

		Response refused = this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(), body);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.json()
			.get("errors")
			.values()
			.stream()
			.map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
			.containsExactlyInAnyOrder("type:INVALID_PROJECT_TYPE", "title:REQUIRED", "direction:UNKNOWN_DIRECTION",
					"industry:UNKNOWN_INDUSTRY", "projectsOffered:PROJECTS_OFFERED_RANGE",
					"cashPerProject:NEGATIVE_AMOUNT");
	}

	@Test
	void changesADraftWithItsVersionAndRefusesAnOlderOne() {
		String id = this.fixtures.draft(this.batchId, this.enterprise.token(),
				GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1));
		Map<String, Object> change = GuideFixtures.guide("CURRICULUM", "课程改革（修订）", "25000", "0", 2);
		change.put("version", 0);

		Response changed = this.api.put("/api/v1/guides/" + id, this.enterprise.token(), change);
		Response stale = this.api.put("/api/v1/guides/" + id, this.enterprise.token(), change);

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("title").asString()).isEqualTo("课程改革（修订）");
		assertThat(changed.json().get("version").asLong()).isEqualTo(1);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
		assertThat(audited(id, "GUIDE_UPDATED")).isEqualTo(1);
	}

	@Test
	void anotherEnterpriseCannotReadChangeOrWithdrawADraft() {
		String id = this.fixtures.draft(this.batchId, this.enterprise.token(),
				GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1));
		String other = this.api.token("ent-cloud");
		Map<String, Object> change = GuideFixtures.guide("CURRICULUM", "篡改", "20000", "0", 1);
		change.put("version", 0);

		assertThat(this.api.get("/api/v1/guides/" + id, other).status()).isEqualTo(404);
		assertThat(this.api.put("/api/v1/guides/" + id, other, change).status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/guides/" + id + "/withdraw", other, "{}").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/guides/" + id, this.enterprise.token()).json().get("title").asString())
			.isEqualTo("课程改革");
	}

	@Test
	void thePublicGetsNotFoundForADraftAndAnUnknownGuide() {
		String id = this.fixtures.draft(this.batchId, this.enterprise.token(),
				GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1));

		assertThat(this.api.get("/api/v1/guides/" + id, null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/guides/" + id, this.api.token("jlu-teacher1")).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/guides/" + UUID.randomUUID(), null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/guides/" + id, this.api.token("dept")).status()).isEqualTo(200);
	}

	@Test
	void aTeacherMayNotDraftAGuideNorAnyoneWithoutSigningIn() {
		Map<String, Object> body = GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1);

		assertThat(this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.api.token("jlu-teacher1"), body)
			.status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/batches/" + this.batchId + "/guides", null, body).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.api.token("dept"), body).status())
			.isEqualTo(403);
	}

	@Test
	void theSystemAdministratorMayNotApproveAndTheEnterpriseMayNotApproveItsOwn() {
		String id = this.fixtures
			.submitted(this.batchId, this.enterprise, GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 2))
			.get(0);

		assertThat(this.api.post("/api/v1/guides/" + id + "/approve", this.api.token("sysadmin"), "{}").status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/v1/guides/" + id + "/approve", this.enterprise.token(), "{}").status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/guides/" + id, this.enterprise.token()).json().get("status").asString())
			.isEqualTo("SUBMITTED");
	}

	@Test
	void aSubmittedGuideCannotBeChanged() {
		String id = this.fixtures
			.submitted(this.batchId, this.enterprise, GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 2))
			.get(0);
		Map<String, Object> change = GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 2);
		change.put("version", 1);

		Response refused = this.api.put("/api/v1/guides/" + id, this.enterprise.token(), change);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aMissingContactTakesTheEnterprisesDesignatedContact() {
		Map<String, Object> body = GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1);
		body.remove("contact");

		Response created = this.api.post("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token(), body);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("contact").get("name").asString()).isEqualTo("李四");
	}

	@Test
	void theSameIdempotencyKeyDraftsOneGuideAndAnswersItAgain() {
		String key = UUID.randomUUID().toString();
		String body = "{\"type\":\"CURRICULUM\",\"title\":\"幂等的指南\",\"direction\":\"人工智能\",\"industry\":\"汽车\","
				+ "\"description\":\"简介\",\"requirements\":\"要求\",\"projectsOffered\":1,\"cashPerProject\":20000}";

		Response first = this.api
			.send(this.api.request("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token())
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
		Response again = this.api
			.send(this.api.request("/api/v1/batches/" + this.batchId + "/guides", this.enterprise.token())
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(guidesOf(this.enterprise)).isEqualTo(1);
	}

	@Test
	void anUnknownBatchIsNotFound() {
		assertThat(this.api
			.post("/api/v1/batches/" + UUID.randomUUID() + "/guides", this.enterprise.token(),
					GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1))
			.status()).isEqualTo(404);
	}

	private long guidesOf(Enterprise enterprise) {
		return this.jdbc.sql("SELECT COUNT(*) FROM guides WHERE enterprise_id = :id")
			.param("id", UUID.fromString(enterprise.id()))
			.query(Long.class)
			.single();
	}

	private long audited(String guideId, String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE subject_id = :id AND action = :action")
			.param("id", guideId)
			.param("action", action)
			.query(Long.class)
			.single();
	}

}
