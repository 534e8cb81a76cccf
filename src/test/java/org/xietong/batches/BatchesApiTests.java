package org.xietong.batches;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The batches API as another system calls it. */
@PlatformTest
class BatchesApiTests {

	static final String NOTICE_RULES = """
			{"completionDueMonths": 24, "minEnterpriseAgeYears": 2, "minEnterpriseCash": "200000.00",
			 "typeMinimums": {"NEW_DISCIPLINES": "20000.00", "CURRICULUM": "20000.00", "TEACHER_TRAINING": "10000.00",
			   "PRACTICE_BASE": "50000.00", "INNOVATION_EDUCATION": "20000.00", "INNOVATION_FUND": "20000.00"},
			 "keyProjectQuota": 20, "noticeWorkingDays": 5, "maxApplicationsPerTeacher": 3,
			 "maxProjectsInProgressPerTeacher": 3, "expertsPerApplication": 3, "maxEndorsementsPerEnterprise": 6,
			 "maxEndorsementsPerEnterpriseAndType": 2,
			 "directions": ["人工智能", "数字经济", "机器人与装备制造", "新能源", "智能农业", "智能医学", "新文科"],
			 "industries": ["汽车", "冰雪", "医药健康", "光电信息", "人工智能", "生态环保(新能源)", "碳纤维(化工新材料)", "文化旅游",
			   "现代农业", "休闲康养", "智能制造", "电子商务", "乡村振兴"],
			 "attachmentMaxBytes": 20971520, "agreementDueDays": 30, "maxExtensionMonths": 12, "maxRectifications": 1,
			 "overdueBlocksApplications": true, "autoCloseNotices": true}""";

	static final String SCHEDULE_2030 = """
			{"guideSubmissionOpens": "2030-09-01T00:00:00+08:00", "guideSubmissionCloses": "2030-09-20T23:59:59+08:00",
			 "applicationOpens": "2030-10-25T00:00:00+08:00", "applicationCloses": "2030-11-01T23:59:59+08:00",
			 "reviewCloses": "2030-12-15T23:59:59+08:00"}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	Api api;

	String dept;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.dept = this.api.token("dept");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aBatchWithOnlyCodeTitleYearAndScheduleHasTheNoticesRules() {
		String code = code();

		Response created = this.api.post("/api/v1/batches", this.dept, minimal(code, 2030, SCHEDULE_2030));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode batch = created.json();
		assertThat(created.header("Location")).endsWith("/api/v1/batches/" + batch.get("id").asString());
		assertThat(batch.get("code").asString()).isEqualTo(code);
		assertThat(batch.get("title").asString()).isEqualTo("测试批次 " + code);
		assertThat(batch.get("year").asInt()).isEqualTo(2030);
		assertThat(batch.get("provinceCode").asString()).isEqualTo("JL");
		assertThat(batch.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(batch.get("schedule")).isEqualTo(JSON.readTree(SCHEDULE_2030));
		assertThat(batch.get("rules")).isEqualTo(JSON.readTree(NOTICE_RULES));
		assertThat(batch.get("currentPhase").asString()).isEqualTo("NOT_STARTED");
		assertThat(batch.get("nextDeadline").get("name").asString()).isEqualTo("guideSubmissionOpens");
		assertThat(batch.get("nextDeadline").get("at").asString()).isEqualTo("2030-09-01T00:00:00+08:00");
		assertThat(batch.get("version").asLong()).isZero();
		assertThat(this.api.get("/api/v1/batches/" + batch.get("id").asString(), null).json()).isEqualTo(batch);
	}

	@Test
	void instantsAreAnsweredWithTheBatchsOffsetWhateverOffsetTheyCameWith() {
		String schedule = """
				{"guideSubmissionOpens": "2030-08-31T16:00:00Z", "guideSubmissionCloses": "2030-09-20T15:59:59.750Z",
				 "applicationOpens": "2030-10-24T10:00:00-06:00", "applicationCloses": "2030-11-01T23:59:59+08:00",
				 "reviewCloses": "2030-12-15T23:59:59+08:00"}""";

		Response created = this.api.post("/api/v1/batches", this.dept, minimal(code(), 2030, schedule));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("schedule")).isEqualTo(JSON.readTree(SCHEDULE_2030));
	}

	@Test
	void namedRulesChangeAndTheOthersKeepTheNoticesValues() {
		String body = """
				{"code": "%s", "title": "规则测试", "year": 2030, "provinceCode": "HL", "timeZone": "Asia/Harbin",
				 "schedule": %s,
				 "rules": {"keyProjectQuota": 25, "minEnterpriseCash": 250000.5, "maxEndorsementsPerEnterprise": null,
				   "typeMinimums": {"TEACHER_TRAINING": 15000}, "industries": ["汽车", "冰雪"],
				   "agreementDueDays": 60, "overdueBlocksApplications": false, "autoCloseNotices": false}}"""
			.formatted(code(), SCHEDULE_2030);

		Response created = this.api.post("/api/v1/batches", this.dept, body);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode rules = created.json().get("rules");
		JsonNode notice = JSON.readTree(NOTICE_RULES);
		assertThat(rules.get("keyProjectQuota").asInt()).isEqualTo(25);
		assertThat(rules.get("minEnterpriseCash").asString()).isEqualTo("250000.50");
		assertThat(rules.get("maxEndorsementsPerEnterprise").isNull()).isTrue();
		assertThat(rules.get("maxEndorsementsPerEnterpriseAndType").asInt()).isEqualTo(2);
		assertThat(rules.get("typeMinimums").get("TEACHER_TRAINING").asString()).isEqualTo("15000.00");
		assertThat(rules.get("typeMinimums").get("PRACTICE_BASE").asString()).isEqualTo("50000.00");
		assertThat(rules.get("industries")).hasSize(2);
		assertThat(rules.get("directions")).isEqualTo(notice.get("directions"));
		assertThat(rules.get("noticeWorkingDays")).isEqualTo(notice.get("noticeWorkingDays"));
		assertThat(rules.get("agreementDueDays").asInt()).isEqualTo(60);
		assertThat(rules.get("overdueBlocksApplications").asBoolean()).isFalse();
		assertThat(rules.get("autoCloseNotices").asBoolean()).isFalse();
		assertThat(rules.get("maxExtensionMonths")).isEqualTo(notice.get("maxExtensionMonths"));
		assertThat(rules.get("maxRectifications")).isEqualTo(notice.get("maxRectifications"));
		assertThat(created.json().get("provinceCode").asString()).isEqualTo("HL");
		assertThat(created.json().get("timeZone").asString()).isEqualTo("Asia/Harbin");
	}

	@Test
	void anUnorderedScheduleIsRefusedNamingTheFieldAndNothingIsSaved() {
		long before = batchCount();
		String code = code();
		String unordered = SCHEDULE_2030.replace("\"applicationOpens\": \"2030-10-25T00:00:00+08:00\"",
				"\"applicationOpens\": \"2030-09-10T00:00:00+08:00\"");

		Response refused = this.api.post("/api/v1/batches", this.dept, minimal(code, 2030, unordered));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("schedule.applicationOpens");
		assertThat(error.get("code").asString()).isEqualTo("SCHEDULE_OUT_OF_ORDER");
		assertThat(error.get("message").asString()).isEqualTo("不能早于前一个时间节点。");
		assertThat(refused.json().get("errors")).hasSize(1);
		assertThat(batchCount()).isEqualTo(before);
	}

	@Test
	void everyInvalidFieldIsNamedAtOnce() {
		long before = batchCount();
		String body = """
				{"code": "bad code!", "title": " ", "year": 1999, "provinceCode": "jl", "timeZone": "Mars/Olympus",
				 "schedule": {"guideSubmissionOpens": "2030-09-01T00:00:00+08:00", "guideSubmissionCloses": "2030-09-20",
				   "applicationOpens": "2030-10-25T00:00:00+08:00", "applicationCloses": "2030-11-01T23:59:59+08:00",
				   "reviewCloses": "2030-12-15T23:59:59+08:00"}}""";

		Response unreadableTime = this.api.post("/api/v1/batches", this.dept, body);
		assertThat(unreadableTime.status()).isEqualTo(422);
		assertThat(fields(unreadableTime)).containsExactly("schedule.guideSubmissionCloses");

		String readable = body.replace("\"2030-09-20\"", "\"2030-09-20T23:59:59+08:00\"")
			.replace("}}", "}, \"rules\": {\"typeMinimums\": {\"TEACHER_TRAINING\": -1}, \"noticeWorkingDays\": 0, "
					+ "\"expertsPerApplication\": 16, \"directions\": [\"人工智能\", \"\"], \"industries\": [\"汽车\", \"汽车\"], "
					+ "\"maxRectifications\": 9}}");
		Response refused = this.api.post("/api/v1/batches", this.dept, readable);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(fields(refused)).containsExactly("code", "title", "year", "provinceCode", "timeZone",
				"rules.typeMinimums.TEACHER_TRAINING", "rules.noticeWorkingDays", "rules.expertsPerApplication",
				"rules.directions", "rules.industries", "rules.maxRectifications");
		assertThat(batchCount()).isEqualTo(before);
	}

	@Test
	void aCodeInUseIsRefused() {
		String code = code();
		assertThat(this.api.post("/api/v1/batches", this.dept, minimal(code, 2030, SCHEDULE_2030)).status())
			.isEqualTo(201);
		long before = batchCount();

		Response refused = this.api.post("/api/v1/batches", this.dept, minimal(code, 2031, SCHEDULE_2030));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("BATCH_CODE_TAKEN");
		assertThat(refused.json().get("detail").asString()).contains(code);
		assertThat(fields(refused)).containsExactly("code");
		assertThat(batchCount()).isEqualTo(before);
	}

	@Test
	void onlyTheDepartmentOfficerOpensOrChangesBatches() {
		String id = this.api.post("/api/v1/batches", this.dept, minimal(code(), 2030, SCHEDULE_2030))
			.json()
			.get("id")
			.asString();
		long before = batchCount();
		for (String user : new String[] { "jlu-teacher1", "sysadmin", "auditor", "ent-auto", "jlu-admin" }) {
			String token = this.api.token(user);
			Response create = this.api.post("/api/v1/batches", token, minimal(code(), 2030, SCHEDULE_2030));
			assertThat(create.status()).as(user).isEqualTo(403);
			assertThat(create.code()).as(user).isEqualTo("FORBIDDEN");
			Response change = put("/api/v1/batches/" + id, token,
					minimal("X-" + System.nanoTime(), 2030, SCHEDULE_2030).replace("}", ", \"version\": 0}"));
			assertThat(change.status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.post("/api/v1/batches", null, minimal(code(), 2030, SCHEDULE_2030)).status())
			.isEqualTo(401);
		assertThat(batchCount()).isEqualTo(before);
		assertThat(this.api.get("/api/v1/batches/" + id, null).json().get("version").asLong()).isZero();
	}

	@Test
	void aChangeWithAnOlderVersionIsAConflictAndChangesNothing() {
		String code = code();
		String id = this.api.post("/api/v1/batches", this.dept, minimal(code, 2030, SCHEDULE_2030))
			.json()
			.get("id")
			.asString();

		Response changed = put("/api/v1/batches/" + id, this.dept, withVersion(minimal(code, 2031, SCHEDULE_2030), 0));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("year").asInt()).isEqualTo(2031);
		assertThat(changed.json().get("version").asLong()).isEqualTo(1);

		Response stale = put("/api/v1/batches/" + id, this.dept, withVersion(minimal(code, 2032, SCHEDULE_2030), 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
		JsonNode now = this.api.get("/api/v1/batches/" + id, null).json();
		assertThat(now.get("year").asInt()).isEqualTo(2031);
		assertThat(now.get("version").asLong()).isEqualTo(1);

		Response missing = put("/api/v1/batches/" + id, this.dept, minimal(code, 2032, SCHEDULE_2030));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(fields(missing)).containsExactly("version");
	}

	@Test
	void aChangeReplacesTheRulesAndEveryChangeIsAudited() {
		String code = code();
		String withRules = minimal(code, 2030, SCHEDULE_2030).replace("}", ", \"rules\": {\"keyProjectQuota\": 30}}");
		String id = this.api.post("/api/v1/batches", this.dept, withRules).json().get("id").asString();

		Response changed = put("/api/v1/batches/" + id, this.dept, withVersion(minimal(code, 2030, SCHEDULE_2030), 0));

		assertThat(changed.json().get("rules")).isEqualTo(JSON.readTree(NOTICE_RULES));
		var entries = this.jdbc
			.sql("SELECT action, actor, before_summary, after_summary FROM audit_entries WHERE subject_id = :id "
					+ "ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		assertThat(entries).extracting(entry -> entry[0]).containsExactly("BATCH_CREATED", "BATCH_UPDATED");
		assertThat(entries).extracting(entry -> entry[1]).containsOnly("dept");
		assertThat(entries.get(0)[3]).contains("code=" + code).contains("keyProjectQuota=30");
		assertThat(entries.get(1)[2]).contains("keyProjectQuota=30");
		assertThat(entries.get(1)[3]).contains("keyProjectQuota=20");
	}

	@Test
	void anyoneReadsABatchAndItsPhaseByThePlatformsClockWithoutSigningIn() {
		String id = this.api.post("/api/v1/batches", this.dept, minimal(code(), 2030, SCHEDULE_2030))
			.json()
			.get("id")
			.asString();

		this.clock.set(OffsetDateTime.parse("2030-11-01T23:59:59+08:00").toInstant());
		JsonNode open = this.api.get("/api/v1/batches/" + id, null).json();
		assertThat(open.get("currentPhase").asString()).isEqualTo("APPLICATION");
		assertThat(open.get("nextDeadline").get("name").asString()).isEqualTo("applicationCloses");
		assertThat(open.get("nextDeadline").get("at").asString()).isEqualTo("2030-11-01T23:59:59+08:00");

		this.clock.set(OffsetDateTime.parse("2030-11-02T00:00:00+08:00").toInstant());
		assertThat(this.api.get("/api/v1/batches/" + id, null).json().get("currentPhase").asString())
			.isEqualTo("REVIEW");

		this.clock.set(OffsetDateTime.parse("2031-01-01T00:00:00+08:00").toInstant());
		JsonNode over = this.api.get("/api/v1/batches/" + id, null).json();
		assertThat(over.get("currentPhase").asString()).isEqualTo("DECISION");
		assertThat(over.get("nextDeadline").isNull()).isTrue();
	}

	@Test
	void theListIsPublicPagedAndFilteredByYear() {
		int year = 2087;
		long already = this.api.get("/api/v1/batches?year=" + year, null).json().get("total").asLong();
		for (int i = 0; i < 3; i++) {
			this.api.post("/api/v1/batches", this.dept, minimal(code(), year, SCHEDULE_2030));
		}

		JsonNode page = this.api.get("/api/v1/batches?year=" + year + "&page=1&size=2", null).json();

		assertThat(page.get("total").asLong()).isEqualTo(already + 3);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(page.get("items")).hasSize((int) Math.min(2, already + 3 - 2));
		page.get("items").forEach(item -> assertThat(item.get("year").asInt()).isEqualTo(year));
		assertThat(this.api.get("/api/v1/batches?size=201", null).status()).isEqualTo(422);
	}

	@Test
	void anUnknownBatchIsNotFound() {
		Response missing = this.api.get("/api/v1/batches/00000000-0000-0000-0000-00000000beef", null);

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void theDemoHasThe2024BatchWithTheNoticesWindowAndA2025BatchOpenForGuides() {
		JsonNode batches2024 = this.api.get("/api/v1/batches?year=2024&size=200", null).json().get("items");
		JsonNode jl2024 = batches2024.values()
			.stream()
			.filter(batch -> batch.get("code").asString().equals("JL-2024"))
			.findFirst()
			.orElseThrow();
		assertThat(jl2024.get("title").asString()).isEqualTo("2024年吉林省高等教育产学合作协同育人项目");
		assertThat(jl2024.get("schedule").get("applicationOpens").asString()).isEqualTo("2024-10-25T00:00:00+08:00");
		assertThat(jl2024.get("schedule").get("applicationCloses").asString()).isEqualTo("2024-11-01T23:59:59+08:00");
		assertThat(jl2024.get("rules")).isEqualTo(JSON.readTree(NOTICE_RULES));
		assertThat(jl2024.get("currentPhase").asString()).isEqualTo("DECISION");

		JsonNode jl2025 = this.api.get("/api/v1/batches?year=2025&size=200", null)
			.json()
			.get("items")
			.values()
			.stream()
			.filter(batch -> batch.get("code").asString().equals("JL-2025"))
			.findFirst()
			.orElseThrow();
		assertThat(jl2025.get("currentPhase").asString()).isEqualTo("GUIDE_SUBMISSION");
	}

	static String minimal(String code, int year, String schedule) {
		return """
				{"code": "%s", "title": "测试批次 %s", "year": %d, "schedule": %s}""".formatted(code, code, year, schedule);
	}

	static String withVersion(String body, long version) {
		return body.substring(0, body.lastIndexOf('}')) + ", \"version\": " + version + "}";
	}

	static String code() {
		return "T-" + System.nanoTime();
	}

	private Response put(String path, String token, String body) {
		return this.api.send(this.api.request(path, token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static java.util.List<String> fields(Response response) {
		return response.json().get("errors").values().stream().map(error -> error.get("field").asString()).toList();
	}

	private long batchCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM batches").query(Long.class).single();
	}

}
