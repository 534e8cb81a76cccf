package org.xietong.approvals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.RecommendedApplications;
import org.xietong.support.RecommendedApplications.Item;
import org.xietong.support.RecommendedApplications.Recommended;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval pages over plain HTTP: the department decides on its queue and on an
 * application's page, a refused batch decision changes nothing, other roles are kept out;
 * once the list is published the public reads it, downloads it and verifies a project
 * number, and a project stays hidden outside its leader's university. Applications reach
 * the department through {@link RecommendedApplications}; the notice and the publication
 * go through the API.
 */
@PlatformTest
class ApprovalPagesTests {

	private static final String QUEUE = "/department/approvals";

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	RecommendedApplications recommended;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.recommended = new RecommendedApplications(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theDepartmentDecidesOneApplicationAsKeyOnItsPageAndTheQueueShowsIt() {
		Recommended batch = this.recommended.recommend(null, 2, "CURRICULUM");
		Item chosen = batch.applications().get(0);
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);
		String page = QUEUE + "/" + chosen.applicationId();

		Response item = dept.page(page);
		assertThat(item.status()).as(item.toString()).isEqualTo(200);
		assertThat(item.body()).contains(chosen.title())
			.contains("data-state=\"PENDING\"")
			.contains("data-check=\"RESULT_NOTICE_CLOSED\" data-passed=\"true\"")
			.contains("data-check=\"ENTERPRISE_ELIGIBLE\" data-passed=\"true\"")
			.contains("data-testid=\"approve-general\"")
			.contains("data-testid=\"approve-key\"")
			.contains("data-testid=\"reject\"")
			.doesNotContain("data-testid=\"revert\"");
		assertClean(page, item.body());

		Response approved = dept.post(page + "/approve", page, Map.of("key", "true"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(302);
		Response decided = dept.page(page);
		assertThat(decided.body()).contains("已批准为重点项目。")
			.contains("data-state=\"KEY\"")
			.contains("拟立项（重点）")
			.contains("尚未公示")
			.contains("data-testid=\"revert\"")
			.contains("data-testid=\"approve-general\"")
			.doesNotContain("data-testid=\"approve-key\"");

		Response queue = dept.page(QUEUE + "?batchId=" + batch.batchId());
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("<a href=\"/department/approvals\" class=\"current\">立项审核</a>")
			.contains("data-application=\"" + chosen.applicationId() + "\" data-state=\"KEY\"")
			.contains("data-application=\"" + batch.applications().get(1).applicationId() + "\" data-state=\"PENDING\"")
			.contains("<dd data-testid=\"progress-key\">1</dd>")
			.contains("<dd data-testid=\"progress-pending\">1</dd>")
			.contains("已定 1 / 限额 20")
			.contains("data-testid=\"open-notice\"")
			.contains(this.batches.find(batch.batchId()).orElseThrow().title() + "立项公示")
			.doesNotContain("data-testid=\"publish\"");
		assertClean("queue", queue.body());
		Response keyOnly = dept.page(QUEUE + "?batchId=" + batch.batchId() + "&state=KEY");
		assertThat(keyOnly.body()).contains(chosen.title()).doesNotContain(batch.applications().get(1).title());
		Response csv = dept.get(QUEUE + ".csv?batchId=" + batch.batchId() + "&state=KEY");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains(chosen.title()).doesNotContain(batch.applications().get(1).title());
	}

	@Test
	void aBatchRejectionWithoutAReasonIsRefusedOnThePageAndChangesNothing() {
		Recommended batch = this.recommended.recommend(null, 2, "CURRICULUM");
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);
		String queue = QUEUE + "?batchId=" + batch.batchId();

		Response refused = dept.post(QUEUE + "/decisions", queue, decisions(batch, "REJECT", " "), false);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"form-errors\"")
			.contains("理由：必填。")
			.contains("data-testid=\"error-reason\"")
			.contains("value=\"" + batch.ids().get(0) + "\" aria-label=\"" + batch.applications().get(0).title()
					+ "\" checked");
		assertClean("refused", refused.body());
		JsonNode progress = progress(batch);
		assertThat(progress.get("pending").asLong()).isEqualTo(2);
		assertThat(progress.get("rejected").asLong()).isZero();

		Response rejected = dept.post(QUEUE + "/decisions", queue, decisions(batch, "REJECT", "与指南方向不符。"), false);
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(302);
		assertThat(dept.page(queue).body()).contains("已对所选项目作出决定。")
			.contains("<dd data-testid=\"progress-rejected\">2</dd>")
			.contains("data-testid=\"publish\"");
	}

	@Test
	void anEnterpriseContactOrATeacherIsRefusedTheDepartmentQueue() {
		PublishedGuides guides = new PublishedGuides(this.api, this.batches, this.clock);
		PublishedGuides.Enterprise enterprise = guides.eligibleEnterprise();
		PublishedGuides.Teacher teacher = guides.teacher("jlu-admin");

		for (PageSession session : List.of(signIn(enterprise.username(), "Secret#2024"),
				signIn(teacher.username(), "Changed#2025"))) {
			assertThat(session.page(QUEUE).status()).isEqualTo(403);
			assertThat(session.page(QUEUE + "?batchId=" + java.util.UUID.randomUUID()).status()).isEqualTo(403);
			assertThat(session.page(QUEUE + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(403);
		}
	}

	@Test
	void afterPublicationThePublicReadsDownloadsAndVerifiesTheListAndAnotherUniversityCannotSeeTheProject()
			throws IOException {
		Recommended batch = this.recommended.recommend(null, 2, "CURRICULUM");
		// The first application is JLU's, the second NENU's.
		Item approved = batch.applications().get(0);
		Item rejected = batch.applications().get(1);
		String dept = this.api.token("dept");
		assertThat(this.api
			.post("/api/v1/applications/" + approved.applicationId() + "/approve", dept, Map.of("key", true))
			.status()).isEqualTo(200);
		assertThat(this.api
			.post("/api/v1/applications/" + rejected.applicationId() + "/reject", dept, Map.of("reason", "与指南方向不符。"))
			.status()).isEqualTo(200);
		Response notice = this.api.post("/api/v1/notices", dept, Map.of("batchId", batch.batchId().toString(), "kind",
				"APPROVALS", "title", "立项公示", "body", "公示五个工作日。", "subjectIds", List.of(approved.applicationId())));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		this.clock.advance(Duration.ofDays(20));
		dept = this.api.token("dept");
		Response closed = this.api.post("/api/v1/notices/" + notice.json().get("id").asString() + "/close", dept, "{}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		Response published = this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/publish", dept, "{}");
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		JsonNode project = published.json().get("items").get(0);
		String number = project.get("projectNumber").asString();
		String projectId = project.get("projectId").asString();

		PageSession visitor = new PageSession(this.port);
		Response lists = visitor.page("/approvals");
		assertThat(lists.status()).isEqualTo(200);
		assertThat(lists.body()).contains("<a href=\"/approvals\" class=\"current\">立项名单</a>")
			.contains("href=\"/approvals/" + batch.batchId() + "\"");
		Response list = visitor.page("/approvals/" + batch.batchId());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.body()).contains(number)
			.contains(approved.title())
			.doesNotContain(rejected.title())
			.contains("<td>重点</td>")
			.contains("href=\"/approvals/" + batch.batchId() + "/export.xlsx?x=1\"");
		assertClean("list", list.body());
		Response searched = visitor.page("/approvals/" + batch.batchId() + "?key=false");
		assertThat(searched.body()).doesNotContain(approved.title()).contains("data-testid=\"list-empty\"");

		HttpResponse<byte[]> xlsx = this.api.download("/approvals/" + batch.batchId() + "/export.xlsx", null);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("项目编号");
			List<String> titles = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					assertThat(row.getCell(1).getStringCellValue()).isEqualTo(number);
					titles.add(row.getCell(2).getStringCellValue());
				}
			}
			assertThat(titles).containsExactly(approved.title());
		}
		HttpResponse<byte[]> pdf = this.api.download("/approvals/" + batch.batchId() + "/export.pdf", null);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

		Response verified = visitor
			.page("/verify/projects?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body()).contains("data-valid=\"true\"").contains(approved.title()).contains("重点");
		assertThat(visitor.page("/verify/projects?number=2000-XX-9999").body()).contains("data-valid=\"false\"");
		assertThat(visitor.page("/verify").body()).contains("href=\"/verify/projects\"");

		PageSession university = signIn("jlu-admin", Api.DEMO_PASSWORD);
		Response own = university.page("/projects/" + projectId);
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.body()).contains(number).contains(approved.title());
		assertThat(university.page("/projects?batchId=" + batch.batchId()).body()).contains(number);
		PublishedGuides.Teacher elsewhere = new PublishedGuides(this.api, this.batches, this.clock)
			.teacher("nenu-admin");
		PageSession other = signIn(elsewhere.username(), "Changed#2025");
		assertThat(other.page("/projects/" + projectId).status()).isEqualTo(404);
		assertThat(other.page("/projects").body()).doesNotContain(number);

		PageSession officer = signIn("dept", Api.DEMO_PASSWORD);
		assertThat(officer.page(QUEUE + "?batchId=" + batch.batchId()).body())
			.contains("<dd data-testid=\"progress-published\">2</dd>")
			.contains("href=\"/approvals/" + batch.batchId() + "\" data-testid=\"public-list\"");
		Response item = officer.page(QUEUE + "/" + approved.applicationId());
		assertThat(item.body()).contains(number).contains("data-testid=\"no-actions\"");
	}

	private List<Map.Entry<String, String>> decisions(Recommended batch, String action, String reason) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("batchId", batch.batchId().toString()));
		batch.ids().forEach(id -> fields.add(Map.entry("applicationId", id)));
		fields.add(Map.entry("action", action));
		fields.add(Map.entry("reason", reason));
		return fields;
	}

	private JsonNode progress(Recommended batch) {
		Response queue = this.api.get("/api/v1/batches/" + batch.batchId() + "/approval-queue", this.api.token("dept"));
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		return queue.json().get("progress");
	}

	private PageSession signIn(String username, String password) {
		PageSession session = new PageSession(this.port);
		Response signedIn = session.signIn(username, password);
		assertThat(signedIn.header("Location")).as(username).endsWith("/home");
		return session;
	}

	private static void assertClean(String path, String body) {
		assertThat(body).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
		assertThat(body).as(path).doesNotContain("style=").doesNotContain("<style");
		assertThat(body).as(path).doesNotContainPattern("\\son[a-z]+=");
		for (Matcher form = Pattern.compile("<form method=\"post\"[^>]*>([\\s\\S]*?)</form>").matcher(body); form
			.find();) {
			assertThat(form.group(1)).as(path + ": every POST form carries the CSRF token").contains("name=\"_csrf\"");
		}
	}

}
