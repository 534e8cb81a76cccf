package org.xietong.batches;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.xietong.batches.BatchesApiTests.SCHEDULE_2030;
import static org.xietong.batches.BatchesApiTests.code;
import static org.xietong.batches.BatchesApiTests.minimal;

/**
 * The batch pages over plain HTTP: the public page with its phases and countdown, the
 * list, and the department officer's forms.
 */
@PlatformTest
class BatchPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	Api browser;

	@BeforeEach
	void setUp() {
		this.browser = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void thePublicPageShowsEachPhaseTheCurrentOneAndTheCountdownInChinese() {
		String id = createByApi(code());
		this.clock.set(OffsetDateTime.parse("2030-10-29T19:29:59+08:00").toInstant());

		Response page = this.browser.get("/batches/" + id, null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\">")
			.contains("当前阶段：<strong data-phase=\"APPLICATION\">项目申报</strong>")
			.contains("距项目申报截止（2030-11-01 23:59）")
			.contains("还剩 3 天 4 小时")
			.contains("指南征集", "指南审核与公示", "企业评审", "立项审核与公布")
			.contains("2030-09-01 00:00", "2030-09-20 23:59", "2030-10-25 00:00", "2030-12-15 23:59")
			.contains("aria-current=\"step\" data-phase=\"APPLICATION\"")
			.contains("¥200,000.00")
			.contains("¥50,000.00")
			.doesNotContain("data-testid=\"edit-batch\"");
	}

	@Test
	void thePublicPageSpeaksEnglishWhenAsked() {
		String id = createByApi(code());
		this.clock.set(OffsetDateTime.parse("2030-09-19T23:00:00+08:00").toInstant());
		this.browser.get("/lang?to=en", null);

		Response page = this.browser.get("/batches/" + id, null);

		assertThat(page.body()).contains("<html lang=\"en\">")
			.contains("Current phase")
			.contains("data-phase=\"GUIDE_SUBMISSION\">Guide submission</strong>")
			.contains("until guide submission closes (2030-09-20 23:59)")
			.contains("1 day 0 hours left")
			.contains("Phases and schedule");
	}

	@Test
	void theCountdownEndsWithTheLastPhase() {
		String id = createByApi(code());
		this.clock.set(OffsetDateTime.parse("2031-03-01T00:00:00+08:00").toInstant());

		assertThat(this.browser.get("/batches/" + id, null).body()).contains("data-phase=\"DECISION\">立项审核与公布</strong>")
			.contains("各阶段的时间窗口均已截止");
	}

	@Test
	void anyoneSeesTheListButOnlyTheOfficerIsOfferedToCreateAndEdit() {
		String code = code();
		createByApi(code);

		// Other tests make batches of the current year: the demo's JL-2024 is found by
		// its year.
		Response anonymous = this.browser.get("/batches?year=2024", null);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body()).contains("项目批次").contains("JL-2024").doesNotContain("data-testid=\"new-batch\"");

		Response filtered = this.browser.get("/batches?year=2030", null);
		assertThat(filtered.body()).contains(code).doesNotContain("JL-2024");

		signIn("jlu-teacher1");
		assertThat(this.browser.get("/batches", null).body()).doesNotContain("data-testid=\"new-batch\"");

		this.browser = new Api(this.port);
		signIn("dept");
		assertThat(this.browser.get("/batches", null).body()).contains("data-testid=\"new-batch\"")
			.contains("新建批次")
			.contains("/edit\"");
	}

	@Test
	void theListExportsAsCsv() {
		String code = code();
		createByApi(code);

		Response csv = this.browser.get("/batches/export.csv?year=2030", null);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("\"" + code + "\"")
			.contains("2030-11-01T23:59:59+08:00")
			.doesNotContain("JL-2024");
	}

	@Test
	void theNewBatchFormIsFilledWithTheNoticesRules() {
		signIn("dept");

		Response form = this.browser.get("/batches/new", null);

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"rules.minEnterpriseCash\" type=\"text\" value=\"200000.00\"")
			.contains("name=\"rules.typeMinimums.TEACHER_TRAINING\" type=\"text\" value=\"10000.00\"")
			.contains("name=\"rules.typeMinimums.PRACTICE_BASE\" type=\"text\" value=\"50000.00\"")
			.contains("name=\"rules.keyProjectQuota\" type=\"number\" value=\"20\"")
			.contains("name=\"rules.noticeWorkingDays\" type=\"number\" value=\"5\"")
			.contains("name=\"rules.maxEndorsementsPerEnterprise\" type=\"number\" value=\"6\"")
			.contains("name=\"rules.attachmentMaxMegabytes\" type=\"text\" value=\"20\"")
			.contains("name=\"rules.agreementDueDays\" type=\"number\" value=\"30\"")
			.contains("name=\"rules.maxExtensionMonths\" type=\"number\" value=\"12\"")
			.contains("name=\"rules.maxRectifications\" type=\"number\" value=\"1\"")
			.contains("<option value=\"true\" selected>是</option>")
			.contains("<option value=\"false\">否</option>")
			.contains("name=\"provinceCode\" type=\"text\" value=\"JL\"")
			.contains("name=\"timeZone\" type=\"text\" value=\"Asia/Shanghai\"")
			.contains("人工智能\n数字经济")
			.contains("碳纤维(化工新材料)")
			.contains("name=\"schedule.applicationCloses\" type=\"datetime-local\"");
	}

	@Test
	void theOfficerCreatesABatchWithTimesReadInTheBatchsTimeZone() {
		signIn("dept");
		String code = code();
		Map<String, String> fields = formFields(code);

		Response created = postForm("/batches", fields);

		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String location = created.header("Location");
		assertThat(location).matches(".*/batches/[0-9a-f-]{36}");
		Response page = this.browser.get(location.substring(location.indexOf("/batches/")), null);
		assertThat(page.body()).contains("批次已创建").contains("测试批次 " + code);
		JsonNode batch = this.browser.get("/api/v1/batches/" + location.substring(location.lastIndexOf('/') + 1), null)
			.json();
		assertThat(batch.get("schedule").get("applicationCloses").asString()).isEqualTo("2030-11-01T23:59:59+08:00");
		assertThat(batch.get("schedule").get("guideSubmissionOpens").asString()).isEqualTo("2030-09-01T00:00:00+08:00");
		assertThat(batch.get("rules"))
			.isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().readTree(BatchesApiTests.NOTICE_RULES));
	}

	@Test
	void anUnorderedFormComesBackWithTheProblemBesideTheFieldAndNothingIsSaved() {
		signIn("dept");
		String code = code();
		Map<String, String> fields = formFields(code);
		fields.put("schedule.applicationCloses", "2030-10-20T23:59:59");
		fields.put("rules.noticeWorkingDays", "31");
		fields.put("rules.maxRectifications", "4");
		long before = batchCount();

		Response refused = postForm("/batches", fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"form-errors\"")
			.contains("<p class=\"field-error\" data-field=\"schedule.applicationCloses\">不能早于前一个时间节点。</p>")
			.contains("<p class=\"field-error\" data-field=\"rules.noticeWorkingDays\">公示期须在 1 至 30 个工作日之间。</p>")
			.contains("<p class=\"field-error\" data-field=\"rules.maxRectifications\">整改次数上限须在 0 至 3 次之间。</p>")
			.contains("value=\"2030-10-20T23:59:59\"")
			.contains("value=\"" + code + "\"");
		assertThat(batchCount()).isEqualTo(before);

		this.browser.get("/lang?to=en", null);
		Response english = postForm("/batches", fields);
		assertThat(english.body()).contains("Must not be earlier than the milestone before it.")
			.contains("From 1 to 30 working days.");
		assertThat(batchCount()).isEqualTo(before);
	}

	@Test
	void theOfficerEditsABatchAndAStaleFormIsRefused() {
		String code = code();
		String id = createByApi(code);
		signIn("dept");

		Response form = this.browser.get("/batches/" + id + "/edit", null);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"version\" value=\"0\"")
			.contains("value=\"2030-11-01T23:59:59\"")
			.contains("value=\"" + code + "\"");

		Map<String, String> fields = formFields(code);
		fields.put("version", "0");
		fields.put("title", "改过的名称");
		fields.put("rules.maxEndorsementsPerEnterprise", "");
		fields.put("rules.maxExtensionMonths", "6");
		fields.put("rules.overdueBlocksApplications", "false");
		fields.put("rules.autoCloseNotices", "false");
		Response saved = postForm("/batches/" + id, fields);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.browser.get("/batches/" + id, null).body()).contains("批次已保存").contains("改过的名称");
		JsonNode batch = this.browser.get("/api/v1/batches/" + id, null).json();
		assertThat(batch.get("version").asLong()).isEqualTo(1);
		assertThat(batch.get("rules").get("maxEndorsementsPerEnterprise").isNull()).isTrue();
		assertThat(batch.get("rules").get("maxExtensionMonths").asInt()).isEqualTo(6);
		assertThat(batch.get("rules").get("overdueBlocksApplications").asBoolean()).isFalse();
		assertThat(batch.get("rules").get("autoCloseNotices").asBoolean()).isFalse();
		assertThat(this.browser.get("/batches/" + id, null).body()).contains("公示期满且无未处理异议的公示自动关闭");
		assertThat(batch.get("rules").get("agreementDueDays").asInt()).isEqualTo(30);
		assertThat(this.browser.get("/batches/" + id + "/edit", null).body())
			.contains("<option value=\"false\" selected>否</option>");

		fields.put("title", "又改一次");
		Response stale = postForm("/batches/" + id, fields);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("该记录已被他人修改");
		assertThat(this.browser.get("/api/v1/batches/" + id, null).json().get("title").asString()).isEqualTo("改过的名称");
	}

	@Test
	void onlyTheOfficerOpensTheForms() {
		String id = createByApi(code());

		Response anonymous = this.browser
			.send(this.browser.request("/batches/new", null).header("Accept", "text/html").GET());
		assertThat(anonymous.status()).isEqualTo(401);

		signIn("jlu-teacher1");
		Response teacher = this.browser
			.send(this.browser.request("/batches/new", null).header("Accept", "text/html").GET());
		assertThat(teacher.status()).isEqualTo(403);
		assertThat(this.browser
			.send(this.browser.request("/batches/" + id + "/edit", null).header("Accept", "text/html").GET())
			.status()).isEqualTo(403);
		long before = batchCount();
		assertThat(postForm("/batches", formFields(code())).status()).isEqualTo(403);
		assertThat(batchCount()).isEqualTo(before);
	}

	@Test
	void batchPagesHaveNoInlineScriptsOrStyles() {
		String id = createByApi(code());
		signIn("dept");
		for (String path : new String[] { "/batches", "/batches/" + id, "/batches/new", "/batches/" + id + "/edit" }) {
			Response page = this.browser.get(path, null);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
			assertThat(page.body()).as(path).doesNotContain("style=").doesNotContain("<style");
			assertThat(page.body()).as(path).doesNotContainPattern("\\son[a-z]+=");
		}
	}

	private String createByApi(String code) {
		Api api = new Api(this.port);
		Response created = api.post("/api/v1/batches", api.token("dept"), minimal(code, 2030, SCHEDULE_2030));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static Map<String, String> formFields(String code) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("code", code);
		fields.put("title", "测试批次 " + code);
		fields.put("year", "2030");
		fields.put("provinceCode", "JL");
		fields.put("timeZone", "Asia/Shanghai");
		fields.put("schedule.guideSubmissionOpens", "2030-09-01T00:00");
		fields.put("schedule.guideSubmissionCloses", "2030-09-20T23:59:59");
		fields.put("schedule.applicationOpens", "2030-10-25T00:00:00");
		fields.put("schedule.applicationCloses", "2030-11-01T23:59:59");
		fields.put("schedule.reviewCloses", "2030-12-15T23:59:59");
		fields.put("rules.minEnterpriseCash", "200000.00");
		fields.put("rules.typeMinimums.TEACHER_TRAINING", "10000.00");
		fields.put("rules.noticeWorkingDays", "5");
		fields.put("rules.maxEndorsementsPerEnterprise", "6");
		fields.put("rules.maxEndorsementsPerEnterpriseAndType", "2");
		fields.put("rules.attachmentMaxMegabytes", "20");
		fields.put("rules.directions", "人工智能\r\n数字经济\r\n机器人与装备制造\r\n新能源\r\n智能农业\r\n智能医学\r\n新文科\r\n");
		return fields;
	}

	private Response postForm(String path, Map<String, String> fields) {
		String page = this.browser.get("/batches/new", null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		String token = csrf.find() ? csrf.group(1) : "";
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")) + "&_csrf=" + encode(token);
		return this.browser.send(this.browser.request(path, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private void signIn(String username) {
		String loginPage = this.browser.get("/login", null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		Response signedIn = this.browser.send(this.browser.request("/login", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
					+ encode(Api.DEMO_PASSWORD) + "&_csrf=" + csrf.group(1))));
		assertThat(signedIn.header("Location")).endsWith("/home");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private long batchCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM batches").query(Long.class).single();
	}

}
