package org.xietong.guides;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The guide pages over plain HTTP, in Chinese and English: the enterprise's batch page
 * with its running total before it submits, the guide form and its live type-minimum
 * hint, the department's queue and decisions, the public catalogue and guide page.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuidePagesTests {

	private static final String PASSWORD = "Secret#2024";

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

	String published;

	String publishedDraft;

	@BeforeAll
	void publishAGuide() {
		this.api = new Api(this.port);
		this.fixtures = new GuideFixtures(this.api, this.batches, this.clock);
		this.batchId = this.fixtures.openBatch().id().toString();
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		List<String> ids = this.fixtures.submitted(this.batchId, enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "智能网联汽车新工科课程群共建", "200000", "0", 1));
		this.fixtures.approve(ids);
		this.fixtures.publish(this.batchId, ids);
		this.published = ids.get(0);
		this.publishedDraft = this.fixtures.draft(this.batchId, this.api.token(enterprise.username(), PASSWORD),
				GuideFixtures.guide("CURRICULUM", "尚未提交的课程指南", "20000", "0", 1));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theEnterprisesBatchPageShowsTheRunningTotalEachDraftsMinimumTheConditionsAndTheSubmitButton() {
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		this.fixtures.draft(this.batchId, enterprise.token(),
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "150000", "0", 1));
		String training = this.fixtures.draft(this.batchId, enterprise.token(),
				GuideFixtures.guide("TEACHER_TRAINING", "师资培训", "10000", "0", 1));
		// The department raised the minimum after the draft was saved.
		this.jdbc.sql("UPDATE guides SET cash_per_project = 9000 WHERE id = :id")
			.param("id", UUID.fromString(training))
			.update();
		Browser browser = new Browser(this.port).signIn(enterprise.username(), PASSWORD);

		Response page = browser.get("/batches/" + this.batchId + "/guides");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("本批次实际支持资金合计 ¥159,000.00，最低要求 ¥200,000.00")
			.contains("还差 ¥41,000.00")
			.contains("data-met=\"false\"")
			.contains("不足，差 ¥1,000.00")
			.contains("✓ 已通过教育厅资格审核")
			.contains("data-testid=\"submit\"")
			.contains("提交全部 2 项指南")
			.contains("尚不满足提交条件");
		Browser.assertClean("batch page", page.body());

		Response english = new Browser(this.port).signIn(enterprise.username(), PASSWORD)
			.english()
			.get("/batches/" + this.batchId + "/guides");
		assertThat(english.body()).contains("Cash across this batch: ¥159,000.00, minimum ¥200,000.00")
			.contains("¥41,000.00 missing")
			.contains("short by ¥1,000.00")
			.contains("Submit all 2 guides");
	}

	@Test
	void submittingFromThePageRefusesWithTheReasonAndThenSubmits() {
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		String id = this.fixtures.draft(this.batchId, enterprise.token(),
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "199999.99", "0", 1));
		Browser browser = new Browser(this.port).signIn(enterprise.username(), PASSWORD);
		String page = "/batches/" + this.batchId + "/guides";

		Response refused = browser.post(page + "/submit", page, Map.of());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("本批次实际支持资金合计 ¥199,999.99，低于每批次最低 ¥200,000.00，还差 ¥0.01");

		Map<String, String> form = form("NEW_DISCIPLINES", "新工科建设", "200,000.00", "0");
		form.put("version", "0");
		assertThat(browser.post("/guides/" + id + "/edit", "/guides/" + id + "/edit", form).status()).isEqualTo(302);
		Response submitted = browser.post(page + "/submit", page, Map.of());

		assertThat(submitted.status()).isEqualTo(302);
		Response after = browser.get(page);
		assertThat(after.body()).contains("指南已提交").contains("已提交，待审核").doesNotContain("data-testid=\"submit\"");
	}

	@Test
	void aClosedWindowShowsNoSubmitButton() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String closed = this.fixtures.batch(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
			.id()
			.toString();
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		this.fixtures.draft(closed, enterprise.token(), GuideFixtures.guide("CURRICULUM", "课程改革", "20000", "0", 1));

		Response page = new Browser(this.port).signIn(enterprise.username(), PASSWORD)
			.get("/batches/" + closed + "/guides");

		assertThat(page.body()).contains("data-testid=\"submit-closed\"")
			.contains("已截止")
			.doesNotContain("data-testid=\"submit\"");
	}

	@Test
	void theGuideFormRefusesTeacherTrainingBelowTenThousandBesideTheFieldAndKeepsWhatWasTyped() {
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		Browser browser = new Browser(this.port).signIn(enterprise.username(), PASSWORD);
		String formPage = "/batches/" + this.batchId + "/guides/new";
		Response blank = browser.get(formPage);
		assertThat(blank.body()).contains("hx-get=\"/guides/minimum-hint?batchId=" + this.batchId + "\"")
			.contains("hx-trigger=\"input changed delay:300ms\"")
			.contains("value=\"李四\"");
		Browser.assertClean("guide form", blank.body());

		Response refused = browser.post("/batches/" + this.batchId + "/guides", formPage,
				form("TEACHER_TRAINING", "青年教师培训", "9999.99", "0"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"error-cashPerProject\"")
			.contains("低于该项目类型的每项最低支持额")
			.contains("师资培训项目每项实际支持资金不少于 ¥10,000.00，当前 ¥9,999.99 — 不足")
			.contains("value=\"青年教师培训\"")
			.contains("value=\"9999.99\"");

		Response created = browser.post("/batches/" + this.batchId + "/guides", formPage,
				form("TEACHER_TRAINING", "青年教师培训", "¥10,000.00", "0"));
		assertThat(created.status()).isEqualTo(302);
		Response guide = browser.get(created.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(guide.body()).contains("青年教师培训")
			.contains("¥10,000.00")
			.contains("data-testid=\"action-edit\"")
			.contains("data-testid=\"action-submit\"");
		Browser.assertClean("own guide", guide.body());
	}

	@Test
	void theHintFollowsTheAmountsAsTheyAreTypedInTheUsersLanguage() {
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		Browser browser = new Browser(this.port).signIn(enterprise.username(), PASSWORD);
		String hint = "/guides/minimum-hint?batchId=" + this.batchId;

		Response below = browser.htmx(hint + "&type=TEACHER_TRAINING&cashPerProject=9999.99");
		Response enough = browser.htmx(hint + "&type=TEACHER_TRAINING&cashPerProject=10000");
		Response base = browser.htmx(hint + "&type=PRACTICE_BASE&cashPerProject=900000&hardwareSoftwarePerProject="
				+ URLEncoder.encode("49,999.99", StandardCharsets.UTF_8));

		assertThat(below.body()).startsWith("<p id=\"minimum-hint\"")
			.contains("data-state=\"short\"")
			.contains("师资培训项目每项实际支持资金不少于 ¥10,000.00，当前 ¥9,999.99 — 不足")
			.doesNotContain("<html");
		assertThat(enough.body()).contains("data-state=\"met\"").contains("当前 ¥10,000.00 — 符合");
		assertThat(base.body()).contains("实践条件和实践基地建设项目每项软硬件支持价值不少于 ¥50,000.00，当前 ¥49,999.99 — 不足");
		assertThat(browser.english().htmx(hint + "&type=TEACHER_TRAINING&cashPerProject=9999.99").body())
			.contains("Teacher training: at least ¥10,000.00 in cash per project, now ¥9,999.99 — not enough");
	}

	@Test
	void theDepartmentsQueueListsSubmittedGuidesAndItApprovesOrReturnsOnTheGuidesPage() {
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		List<String> ids = this.fixtures.submitted(this.batchId, enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "待审核的新工科指南", "100000", "0", 1),
				GuideFixtures.guide("CURRICULUM", "待退回的课程指南", "100000", "0", 1));
		Browser dept = new Browser(this.port).signIn("dept");

		Response queue = dept.get("/guides/review?batchId=" + this.batchId);
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("待审核的新工科指南").contains("待退回的课程指南").contains("指南审核");
		Browser.assertClean("queue", queue.body());
		assertThat(new Browser(this.port).signIn("dept").english().get("/guides/review?batchId=" + this.batchId).body())
			.contains("Guide review")
			.contains("Submitted, awaiting review");
		Response guidePage = dept.get("/guides/" + ids.get(0));
		assertThat(guidePage.body()).contains("data-testid=\"action-approve\"")
			.contains("data-testid=\"action-return\"");
		Browser.assertClean("guide under review", guidePage.body());

		Response approved = dept.post("/guides/" + ids.get(0) + "/approve", "/guides/" + ids.get(0), Map.of());
		Response blank = dept.post("/guides/" + ids.get(1) + "/return", "/guides/" + ids.get(1), Map.of("reason", " "));
		Response returned = dept.post("/guides/" + ids.get(1) + "/return", "/guides/" + ids.get(1),
				Map.of("reason", "请写明成果形式"));

		assertThat(approved.status()).isEqualTo(302);
		assertThat(dept.get("/guides/" + ids.get(0)).body()).contains("data-status=\"APPROVED\"")
			.doesNotContain("data-testid=\"action-approve\"")
			.contains("data-testid=\"action-notice\"");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("data-testid=\"error-reason\"").contains("必填");
		assertThat(returned.status()).isEqualTo(302);
		assertThat(new Browser(this.port).signIn(enterprise.username(), PASSWORD).get("/guides/" + ids.get(1)).body())
			.contains("请写明成果形式")
			.contains("data-testid=\"action-edit\"");
		assertThat(dept.get("/guides/review?batchId=" + this.batchId).body()).doesNotContain("待审核的新工科指南");
	}

	@Test
	void theDepartmentPutsApprovedGuidesOfABatchUnderNoticeFromTheQueue() {
		String batch = this.fixtures.openBatch().id().toString();
		Enterprise enterprise = this.fixtures.eligibleEnterprise();
		List<String> ids = this.fixtures.submitted(batch, enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "公示用新工科指南", "200000", "0", 1));
		this.fixtures.approve(ids);
		Browser dept = new Browser(this.port).signIn("dept");
		String queue = "/guides/review?status=APPROVED&batchId=" + batch;
		assertThat(dept.get(queue).body()).contains("data-testid=\"notice-form\"").contains("name=\"guideIds\"");

		Map<String, String> fields = new HashMap<>();
		fields.put("batchId", batch);
		fields.put("guideIds", ids.get(0));
		fields.put("title", "项目指南公示");
		fields.put("body", "公示五个工作日。");
		Response opened = dept.post("/guides/review/notice", queue, fields);

		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.header("Location")).contains("/notices/");
		assertThat(this.api.get("/api/v1/guides/" + ids.get(0), this.api.token("dept")).json().get("status").asString())
			.isEqualTo("IN_NOTICE");
	}

	@Test
	void thePublicCatalogueListsPublishedGuidesWithItsFiltersInChineseAndEnglish() {
		Browser visitor = new Browser(this.port);

		Response chinese = visitor.get("/catalogue?batchId=" + this.batchId);

		assertThat(chinese.status()).isEqualTo(200);
		assertThat(chinese.body()).contains("智能网联汽车新工科课程群共建")
			.doesNotContain("尚未提交的课程指南")
			.contains("每项资金从高到低")
			.contains("name=\"minCash\"")
			.contains("/catalogue.xlsx?x=1&amp;batchId=" + this.batchId);
		Browser.assertClean("catalogue", chinese.body());
		Response english = new Browser(this.port).english().get("/catalogue?batchId=" + this.batchId + "&sort=cash");
		assertThat(english.body()).contains("Project guides")
			.contains("Most cash per project")
			.contains("New engineering, medicine, agriculture and liberal arts")
			.contains("智能网联汽车新工科课程群共建");
		assertThat(visitor
			.get("/catalogue?batchId=" + this.batchId + "&q=" + URLEncoder.encode("不存在的关键词", StandardCharsets.UTF_8))
			.body()).doesNotContain("智能网联汽车新工科课程群共建");
		Response bad = visitor.get("/catalogue?minCash=abc");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("请填写以元为单位的金额");
	}

	@Test
	void thePublicGuidePageShowsWhatATeacherNeedsAndADraftIsNotFound() {
		Browser visitor = new Browser(this.port);

		Response page = visitor.get("/guides/" + this.published);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("智能网联汽车新工科课程群共建")
			.contains("0431-88905350")
			.contains("guide@example.com")
			.contains("¥200,000.00")
			.contains("data-testid=\"application-window\"")
			.doesNotContain("data-testid=\"guide-actions\"");
		Browser.assertClean("public guide", page.body());
		assertThat(visitor.get("/guides/" + this.publishedDraft).status()).isEqualTo(404);
		assertThat(new Browser(this.port).english().get("/guides/" + this.published).body())
			.contains("Projects offered")
			.contains("Applications");
	}

	@Test
	void pagesForSignedInRolesOnlySendVisitorsToSignInAndRefuseOtherRoles() {
		Browser visitor = new Browser(this.port);
		assertThat(visitor.get("/batches/" + this.batchId + "/guides").header("Location")).endsWith("/login");
		assertThat(visitor.get("/guides/review").header("Location")).endsWith("/login");
		Browser teacher = new Browser(this.port).signIn("jlu-teacher1");
		assertThat(teacher.get("/guides/review").status()).isEqualTo(403);
		assertThat(teacher.get("/batches/" + this.batchId + "/guides").status()).isEqualTo(403);
		Browser other = new Browser(this.port).signIn("ent-cloud");
		assertThat(other.get("/guides/" + this.publishedDraft + "/edit").status()).isEqualTo(404);
		assertThat(other.get("/guides/mine").status()).isEqualTo(302);
	}

	private static Map<String, String> form(String type, String title, String cash, String hardware) {
		Map<String, String> form = new HashMap<>();
		form.put("type", type);
		form.put("title", title);
		form.put("direction", "人工智能");
		form.put("industry", "汽车");
		form.put("projectsOffered", "1");
		form.put("cashPerProject", cash);
		form.put("hardwareSoftwarePerProject", hardware);
		form.put("description", "面向青年教师的智能网联汽车测试技术培训。");
		form.put("requirements", "参训教师须承担相关课程教学。");
		form.put("contactName", "王工");
		form.put("contactPhone", "0431-88905350");
		form.put("contactEmail", "guide@example.com");
		return form;
	}

}
