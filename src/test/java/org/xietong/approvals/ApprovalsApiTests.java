package org.xietong.approvals;

import java.io.ByteArrayInputStream;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.RecommendedApplications;
import org.xietong.support.RecommendedApplications.Recommended;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department's approval over HTTP: the key quota under concurrent decisions, the
 * checks, the approval notice, publication with its numbering (also after a failure
 * halfway), the public list as JSON, spreadsheet and PDF, verification, and who may do
 * what.
 */
@PlatformTest
class ApprovalsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	RecommendedApplications fixture;

	String dept;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixture = new RecommendedApplications(this.api, this.batches, this.clock);
		this.dept = this.api.token("dept");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void ofFiftyConcurrentKeyApprovalsExactlyTheQuotaSucceedsAndARevertedKeyFreesItsPlace() throws Exception {
		Recommended batch = this.fixture.recommend(null, 50, "CURRICULUM");
		List<String> ids = batch.ids();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Future<Response>> answers = new ArrayList<>();
		try {
			for (String id : ids) {
				Callable<Response> approve = () -> {
					start.await();
					return this.api.post("/api/v1/applications/" + id + "/approve", this.dept, Map.of("key", true));
				};
				answers.add(pool.submit(approve));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}

			assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(20);
			assertThat(responses.stream().filter(r -> r.status() != 200)).hasSize(30)
				.allSatisfy(r -> assertThat(r.code()).as(r.toString()).isEqualTo("QUOTA_EXCEEDED"));
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode progress = queue(batch, "").get("progress");
		assertThat(progress.get("key").asLong()).isEqualTo(20);
		assertThat(progress.get("keyQuota").get("used").asLong()).isEqualTo(20);
		assertThat(progress.get("pending").asLong()).isEqualTo(30);

		String aKey = queue(batch, "&state=KEY").get("items").get(0).get("applicationId").asString();
		String aPending = queue(batch, "&state=PENDING").get("items").get(0).get("applicationId").asString();
		String another = queue(batch, "&state=PENDING").get("items").get(1).get("applicationId").asString();
		Response refused = this.api.post("/api/v1/applications/" + aPending + "/approve", this.dept,
				Map.of("key", true));
		Response revertWithoutReason = this.api.post("/api/v1/applications/" + aKey + "/approval/revert", this.dept,
				"{}");
		Response reverted = this.api.post("/api/v1/applications/" + aKey + "/approval/revert", this.dept,
				Map.of("reason", "改为下一批次统筹"));
		Response freed = this.api.post("/api/v1/applications/" + aPending + "/approve", this.dept, Map.of("key", true));
		Response fullAgain = this.api.post("/api/v1/applications/" + another + "/approve", this.dept,
				Map.of("key", true));

		assertThat(refused.code()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(revertWithoutReason.status()).isEqualTo(422);
		assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
		assertThat(reverted.json().get("state").asString()).isEqualTo("PENDING");
		assertThat(freed.status()).as(freed.toString()).isEqualTo(200);
		assertThat(freed.json().get("state").asString()).isEqualTo("KEY");
		assertThat(fullAgain.code()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(queue(batch, "").get("progress").get("key").asLong()).isEqualTo(20);
	}

	@Test
	void publishingAfterTheNoticeNumbersKeyProjectsFirstMakesTheDecisionsFinalAndTellsTheLeader() throws Exception {
		Recommended batch = this.fixture.recommend(null, 2, "CURRICULUM", "NEW_DISCIPLINES");
		List<RecommendedApplications.Item> items = batch.applications();
		RecommendedApplications.Item key = items.get(3);
		RecommendedApplications.Item rejected = items.get(1);
		List<RecommendedApplications.Item> general = List.of(items.get(0), items.get(2));

		JsonNode deptTasks = this.api.get("/api/v1/me/tasks", this.dept).json();
		assertThat(deptTasks).anySatisfy(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("APPROVALS_TO_DECIDE");
			assertThat(task.get("link").asString()).endsWith(batch.batchId().toString());
			assertThat(task.get("count").asLong()).isEqualTo(4);
		});
		assertThat(approve(key, true).status()).isEqualTo(200);
		for (RecommendedApplications.Item item : general) {
			assertThat(approve(item, false).status()).isEqualTo(200);
		}
		Response rejectWithoutReason = this.api.post("/api/v1/applications/" + rejected.applicationId() + "/reject",
				this.dept, "{}");
		assertThat(rejectWithoutReason.status()).isEqualTo(422);
		assertThat(this.api
			.post("/api/v1/applications/" + rejected.applicationId() + "/reject", this.dept,
					Map.of("reason", "合作企业配套条件不足"))
			.status()).isEqualTo(200);
		Response beforeNotice = publish(batch);
		Response notice = openNotice(batch, List.of(key, general.get(0), general.get(1)));
		Response duringNotice = publish(batch);
		Response changeUnderNotice = approve(general.get(0), true);
		Response publicBefore = this.api.get("/api/v1/batches/" + batch.batchId() + "/approvals", null);

		assertThat(beforeNotice.status()).isEqualTo(409);
		assertThat(beforeNotice.code()).isEqualTo("NOTICE_NOT_CLOSED");
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		assertThat(duringNotice.code()).isEqualTo("NOTICE_NOT_CLOSED");
		assertThat(changeUnderNotice.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(publicBefore.status()).isEqualTo(200);
		assertThat(publicBefore.json().get("total").asLong()).isZero();

		closeNotice(notice);
		int last = lastNumberGiven(batch);
		Response published = publish(batch);
		Response again = publish(batch);

		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().get("published").asInt()).isEqualTo(3);
		assertThat(published.json().get("rejected").asInt()).isEqualTo(1);
		int year = this.batches.find(batch.batchId()).orElseThrow().year();
		JsonNode list = this.api.get("/api/v1/batches/" + batch.batchId() + "/approvals", null).json();
		assertThat(list.get("total").asLong()).isEqualTo(3);
		List<String> numbers = new ArrayList<>();
		list.get("items").forEach(item -> numbers.add(item.get("projectNumber").asString()));
		assertThat(numbers).containsExactly(number(year, last + 1), number(year, last + 2), number(year, last + 3));
		JsonNode first = list.get("items").get(0);
		assertThat(first.get("applicationId").asString()).isEqualTo(key.applicationId());
		assertThat(first.get("key").asBoolean()).isTrue();
		assertThat(first.get("cash").asString()).isEqualTo(cash(batch));
		// General projects follow by guide (pinyin order of its title), then application.
		List<RecommendedApplications.Item> expected = new ArrayList<>(general);
		Collator pinyin = Collator.getInstance(Locale.CHINA);
		expected.sort(Comparator.comparing((RecommendedApplications.Item i) -> guideTitle(i), pinyin)
			.thenComparing(i -> applicationNumber(i)));
		assertThat(list.get("items").get(1).get("applicationId").asString()).isEqualTo(expected.get(0).applicationId());
		assertThat(status(key)).isEqualTo("APPROVED");
		assertThat(status(rejected)).isEqualTo("REJECTED");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("published").asInt()).isZero();
		Response verified = this.api.get("/api/v1/verify/projects/" + numbers.get(0), null);
		assertThat(verified.json().get("valid").asBoolean()).isTrue();
		assertThat(verified.json().get("title").asString()).isEqualTo(key.title());
		assertThat(verified.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(verified.json().get("key").asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/verify/projects/1900-JL-0001", null).json().get("valid").asBoolean())
			.isFalse();
		JsonNode tasks = this.api.get("/api/v1/me/tasks", key.teacherToken()).json();
		assertThat(tasks).anySatisfy(task -> assertThat(task.get("kind").asString()).isEqualTo("PROJECT_AGREEMENT"));
		Response project = this.api.get("/api/v1/projects/" + first.get("projectId").asString(), key.teacherToken());
		assertThat(project.status()).isEqualTo(200);
		assertThat(project.json().get("number").asString()).isEqualTo(numbers.get(0));
		assertThat(this.api
			.get("/api/v1/projects/" + first.get("projectId").asString(),
					new PublishedGuides(this.api, this.batches, this.clock).teacher("nenu-admin").token())
			.status()).isEqualTo(404);
		String projectLink = "/projects/" + first.get("projectId").asString();
		String enterpriseContact = this.api.get("/api/v1/me", batch.enterprise().token()).json().get("id").asString();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(inbox(key.teacherId(), "inbox.PROJECT_APPROVED", projectLink)).isOne();
			assertThat(inbox(enterpriseContact, "inbox.PROJECT_APPROVED_ENTERPRISE", projectLink)).isOne();
			assertThat(inbox(rejected.teacherId(), "inbox.APPLICATION_REJECTED_AT_APPROVAL",
					"/applications/" + rejected.applicationId()))
				.isOne();
		});
		Response afterPublication = this.api.post("/api/v1/applications/" + key.applicationId() + "/approval/revert",
				this.dept, Map.of("reason", "晚了"));
		assertThat(afterPublication.code()).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void theSpreadsheetHoldsExactlyThePublishedProjectsInTheDepartmentsColumnsAndThePdfReadsBackInChinese()
			throws Exception {
		Recommended batch = this.fixture.recommend(null, 3, "CURRICULUM");
		List<RecommendedApplications.Item> items = batch.applications();
		approve(items.get(0), false);
		approve(items.get(1), true);
		this.api.post("/api/v1/applications/" + items.get(2).applicationId() + "/reject", this.dept,
				Map.of("reason", "与指南方向不符"));
		closeNotice(openNotice(batch, List.of(items.get(0), items.get(1))));
		Response published = publish(batch);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);

		var xlsx = this.api.download("/api/v1/batches/" + batch.batchId() + "/approvals.xlsx", null);
		var pdf = this.api.download("/api/v1/batches/" + batch.batchId() + "/approvals.pdf", null);

		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
			assertThat(header).containsExactly("序号", "项目编号", "项目名称", "项目类型", "负责人", "高校", "企业", "支持经费", "软硬件", "重点/一般");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row key = sheet.getRow(1);
			assertThat(key.getCell(0).getNumericCellValue()).isEqualTo(1.0);
			assertThat(key.getCell(2).getStringCellValue()).isEqualTo(items.get(1).title());
			assertThat(key.getCell(3).getStringCellValue()).isEqualTo("教学内容和课程体系改革项目");
			assertThat(key.getCell(7).getNumericCellValue()).isEqualTo(Double.parseDouble(cash(batch)));
			assertThat(key.getCell(9).getStringCellValue()).isEqualTo("重点");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo(items.get(0).title());
			assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("一般");
		}
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (var reader = new com.lowagie.text.pdf.PdfReader(pdf.body())) {
			String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
			assertThat(text).contains("立项名单")
				.contains(items.get(0).title())
				.contains(items.get(1).title())
				.doesNotContain(items.get(2).title())
				.contains("重点");
		}
	}

	@Test
	void aFailureHalfwayThroughPublishingLeavesNothingAndTheRetryNumbersWithoutGaps() {
		Recommended batch = this.fixture.recommend(null, 3, "CURRICULUM");
		for (RecommendedApplications.Item item : batch.applications()) {
			approve(item, false);
		}
		closeNotice(openNotice(batch, batch.applications()));
		// The database refuses the second project of this batch, as a full disk would.
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION refuse_second_project() RETURNS trigger AS $$
				BEGIN
				  IF NEW.batch_id = '%1$s' AND (SELECT COUNT(*) FROM projects WHERE batch_id = '%1$s') = 1 THEN
				    RAISE EXCEPTION 'no space left on device (test)';
				  END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""".formatted(batch.batchId())).update();
		this.jdbc.sql("""
				CREATE TRIGGER refuse_second_project BEFORE INSERT ON projects
				FOR EACH ROW EXECUTE FUNCTION refuse_second_project()""").update();
		int last = lastNumberGiven(batch);
		Response failed;
		try {
			failed = publish(batch);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER refuse_second_project ON projects").update();
			this.jdbc.sql("DROP FUNCTION refuse_second_project()").update();
		}
		long projectsAfterFailure = this.jdbc.sql("SELECT COUNT(*) FROM projects WHERE batch_id = :batch")
			.param("batch", batch.batchId())
			.query(Long.class)
			.single();
		List<String> statusesAfterFailure = batch.applications().stream().map(this::status).toList();

		Response retried = publish(batch);

		assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
		assertThat(projectsAfterFailure).isZero();
		assertThat(statusesAfterFailure).containsOnly("RECOMMENDED");
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		List<String> numbers = new ArrayList<>();
		retried.json().get("items").forEach(item -> numbers.add(item.get("projectNumber").asString()));
		int year = this.batches.find(batch.batchId()).orElseThrow().year();
		assertThat(numbers).containsExactly(number(year, last + 1), number(year, last + 2), number(year, last + 3));
		assertThat(batch.applications().stream().map(this::status)).containsOnly("APPROVED");
	}

	@Test
	void anEnterpriseAUniversityOrATeacherCannotDecideAndThePublicSeesNoDecisionBeforePublication() {
		Recommended batch = this.fixture.recommend(null, 2, "CURRICULUM");
		RecommendedApplications.Item item = batch.applications().get(0);
		String path = "/api/v1/applications/" + item.applicationId();
		approve(batch.applications().get(1), true);

		Response byEnterprise = this.api.post(path + "/approve", batch.enterprise().token(), Map.of("key", true));
		Response byUniversity = this.api.post(path + "/approve", this.api.token("jlu-admin"), Map.of("key", false));
		Response byTeacher = this.api.post(path + "/reject", item.teacherToken(), Map.of("reason", "x"));
		Response anonymous = this.api.post(path + "/approve", null, Map.of("key", false));
		Response enterpriseQueue = this.api.get("/api/v1/batches/" + batch.batchId() + "/approval-queue",
				batch.enterprise().token());
		Response publicQueue = this.api.get("/api/v1/batches/" + batch.batchId() + "/approval-queue", null);
		Response enterprisePublish = this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/publish",
				batch.enterprise().token(), "{}");
		Response publicList = this.api.get("/api/v1/batches/" + batch.batchId() + "/approvals", null);
		Response publicXlsx = this.api.get("/api/v1/batches/" + batch.batchId() + "/approvals.xlsx", null);

		assertThat(byEnterprise.status()).isEqualTo(403);
		assertThat(byUniversity.status()).isEqualTo(403);
		assertThat(byTeacher.status()).isEqualTo(403);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(enterpriseQueue.status()).isEqualTo(403);
		assertThat(publicQueue.status()).isEqualTo(401);
		assertThat(enterprisePublish.status()).isEqualTo(403);
		assertThat(publicList.json().get("total").asLong()).isZero();
		assertThat(publicList.body()).doesNotContain(batch.applications().get(1).title());
		assertThat(publicXlsx.status()).isEqualTo(200);
		assertThat(status(item)).isEqualTo("RECOMMENDED");
		assertThat(queue(batch, "&state=PENDING").get("total").asLong()).isOne();
	}

	@Test
	void aFailingCheckRefusesApprovalAndABatchDecisionIsAllOrNothing() {
		Recommended batch = this.fixture.recommend(null, 3, "CURRICULUM");
		List<String> ids = batch.ids();

		Response noReason = this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/decisions", this.dept,
				Map.of("applicationIds", ids, "action", "REJECT"));
		Response withStranger = this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/decisions", this.dept,
				Map.of("applicationIds", List.of(ids.get(0), "00000000-0000-0000-0000-000000000001"), "action",
						"APPROVE_GENERAL"));
		long decidedAfterRefusals = queue(batch, "&state=PENDING").get("total").asLong();
		Response all = this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/decisions", this.dept,
				Map.of("applicationIds", ids.subList(0, 2), "action", "APPROVE_GENERAL"));
		Response blacklisted = this.api.post("/api/v1/enterprises/" + batch.enterprise().id() + "/blacklist", this.dept,
				Map.of("reason", "虚报配套经费"));
		Response ineligible = approve(batch.applications().get(2), false);
		JsonNode checks = this.api
			.get("/api/v1/batches/" + batch.batchId() + "/approval-queue?state=PENDING", this.dept)
			.json()
			.get("items")
			.get(0)
			.get("checks");
		Response rejectable = this.api.post("/api/v1/applications/" + ids.get(2) + "/reject", this.dept,
				Map.of("reason", "企业被列入失信名单"));

		assertThat(noReason.status()).isEqualTo(422);
		assertThat(withStranger.status()).isEqualTo(422);
		assertThat(withStranger.json().get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_APPLICATION");
		assertThat(decidedAfterRefusals).isEqualTo(3);
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.json().size()).isEqualTo(2);
		assertThat(blacklisted.status()).as(blacklisted.toString()).isEqualTo(200);
		assertThat(ineligible.status()).isEqualTo(409);
		assertThat(ineligible.code()).isEqualTo("APPROVAL_CHECK_FAILED");
		assertThat(ineligible.json().get("errors").get(0).get("code").asString()).isEqualTo("ENTERPRISE_ELIGIBLE");
		assertThat(checks).anySatisfy(check -> {
			assertThat(check.get("code").asString()).isEqualTo("ENTERPRISE_ELIGIBLE");
			assertThat(check.get("passed").asBoolean()).isFalse();
			assertThat(check.get("blocking").asBoolean()).isTrue();
		});
		assertThat(rejectable.status()).isEqualTo(200);
	}

	@Test
	void aLeaderAtTheBatchsLimitOfProjectsCannotBeApprovedASecondTime() {
		// One project per leader; endorsement caps off, as the fixture's default.
		var rules = new org.xietong.batches.BatchRules.Overrides(null, null, null, null, null, null, null, 1, null,
				java.util.Optional.empty(), java.util.Optional.empty(), null, null, null, null, null, null, null);
		Recommended batch = this.fixture.recommend(rules, 2, "CURRICULUM", "NEW_DISCIPLINES");
		RecommendedApplications.Item first = batch.applications().get(0);
		RecommendedApplications.Item second = batch.applications()
			.stream()
			.filter(item -> item != first && item.teacherId().equals(first.teacherId()))
			.findFirst()
			.orElseThrow();

		Response approved = approve(first, false);
		Response refused = approve(second, false);
		Response rejected = this.api.post("/api/v1/applications/" + second.applicationId() + "/reject", this.dept,
				Map.of("reason", "负责人在研项目已达上限"));

		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("APPROVAL_CHECK_FAILED");
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("TEACHER_LIMIT");
		assertThat(rejected.status()).isEqualTo(200);
	}

	@Test
	void anUpheldObjectionToAnApprovalTurnsItIntoARejectionAndFreesItsKeyPlace() {
		Recommended batch = this.fixture.recommend(null, 2, "CURRICULUM");
		RecommendedApplications.Item objected = batch.applications().get(0);
		approve(objected, true);
		approve(batch.applications().get(1), false);
		Response notice = openNotice(batch, batch.applications());
		String noticeId = notice.json().get("id").asString();
		Response objection = this.api.postFrom(Api.someClientAddress(), "/api/v1/notices/" + noticeId + "/objections",
				null, Map.of("subjectId", objected.applicationId(), "name", "赵某", "phone", "13900000000", "email",
						"z@example.com", "reason", "项目负责人已于今年调离该校，无法执行项目"));
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		Response upheld = this.api.post("/api/v1/objections/" + objection.json().get("id").asString() + "/decide",
				this.dept, Map.of("outcome", "UPHELD", "response", "经核实，负责人已调离，不予立项"));
		assertThat(upheld.status()).as(upheld.toString()).isEqualTo(200);
		JsonNode progress = queue(batch, "").get("progress");
		Response revert = this.api.post("/api/v1/applications/" + objected.applicationId() + "/approval/revert",
				this.dept, Map.of("reason", "想恢复"));
		closeNotice(notice);
		Response published = publish(batch);

		assertThat(progress.get("keyQuota").get("used").asLong()).isZero();
		assertThat(progress.get("rejected").asLong()).isOne();
		assertThat(revert.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().get("published").asInt()).isOne();
		assertThat(status(objected)).isEqualTo("REJECTED");
	}

	/**
	 * The last number given under the batch's prefix: batches of one year and province
	 * share it, so each test's numbers follow the previous test's.
	 */
	private int lastNumberGiven(Recommended batch) {
		int year = this.batches.find(batch.batchId()).orElseThrow().year();
		return this.jdbc.sql("SELECT last_sequence FROM project_number_prefixes WHERE prefix = :prefix")
			.param("prefix", year + "-JL")
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private long inbox(String userId, String key, String link) {
		return this.jdbc
			.sql("""
					SELECT COUNT(*) FROM inbox_messages WHERE recipient_id = :user AND message_key = :key AND link = :link""")
			.param("user", java.util.UUID.fromString(userId))
			.param("key", key)
			.param("link", link)
			.query(Long.class)
			.single();
	}

	private static String number(int year, int sequence) {
		return "%d-JL-%04d".formatted(year, sequence);
	}

	private Response approve(RecommendedApplications.Item item, boolean key) {
		return this.api.post("/api/v1/applications/" + item.applicationId() + "/approve", this.dept,
				Map.of("key", key));
	}

	private Response publish(Recommended batch) {
		return this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/publish", this.dept, "{}");
	}

	private Response openNotice(Recommended batch, List<RecommendedApplications.Item> items) {
		return this.api.post("/api/v1/notices", this.dept,
				Map.of("batchId", batch.batchId().toString(), "kind", "APPROVALS", "title", "立项公示", "body", "公示五个工作日。",
						"subjectIds", items.stream().map(RecommendedApplications.Item::applicationId).toList()));
	}

	/** Lets the notice run out and closes it; the clock goes back afterwards. */
	private void closeNotice(Response notice) {
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		Duration before = this.clock.offset();
		this.clock.advance(Duration.ofDays(20));
		try {
			Response closed = this.api.post("/api/v1/notices/" + notice.json().get("id").asString() + "/close",
					this.api.token("dept"), "{}");
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		}
		finally {
			this.clock.advance(before.minus(this.clock.offset()));
		}
		this.dept = this.api.token("dept");
	}

	private JsonNode queue(Recommended batch, String filter) {
		Response response = this.api.get("/api/v1/batches/" + batch.batchId() + "/approval-queue?size=200" + filter,
				this.dept);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private String status(RecommendedApplications.Item item) {
		return this.api.get("/api/v1/applications/" + item.applicationId(), this.dept).json().get("status").asString();
	}

	private String cash(Recommended batch) {
		return this.api.get("/api/v1/guides/" + batch.guideIds().get(0), this.dept)
			.json()
			.get("cashPerProject")
			.asString();
	}

	private String guideTitle(RecommendedApplications.Item item) {
		return this.api.get("/api/v1/applications/" + item.applicationId(), this.dept)
			.json()
			.get("guideTitle")
			.asString();
	}

	private String applicationNumber(RecommendedApplications.Item item) {
		return this.api.get("/api/v1/applications/" + item.applicationId(), this.dept).json().get("number").asString();
	}

}
