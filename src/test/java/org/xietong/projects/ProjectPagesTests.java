package org.xietong.projects;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
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
import org.xietong.support.PublishedProjects.Expert;
import org.xietong.support.PublishedProjects.Published;
import org.xietong.support.PublishedProjects.Project;
import org.xietong.support.PublishedProjects;
import org.xietong.support.PublishedGuides;
import org.xietong.support.RecommendedApplications;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project pages over plain HTTP: the agreement submitted, checked and confirmed on
 * the project page, each party seeing only the actions its turn allows; a refused
 * agreement shown again with what was typed; a project hidden from another university;
 * and, once a project has completed (its steps through the API and the expert's
 * acceptance page), the public completion list, its spreadsheet, the certificate's
 * verification and its PDF.
 */
@PlatformTest
class ProjectPagesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	PublishedProjects projects;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.projects = new PublishedProjects(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theLeaderSubmitsTheAgreementOnThePageAndTheUniversityMayCheckItButTheEnterpriseOnlyAfterTheCheck() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String page = "/projects/" + project.id();
		PageSession leader = signIn(project.teacherUsername(), "Changed#2025");
		PageSession university = signIn(project.universityAdmin(), Api.DEMO_PASSWORD);
		PageSession enterprise = signIn(published.batch().enterprise().username(), "Secret#2024");

		Response before = leader.page(page);
		assertThat(before.status()).as(before.toString()).isEqualTo(200);
		assertThat(before.body()).contains("data-testid=\"agreement-form\"")
			.contains("value=\"" + project.cash().setScale(2).toPlainString() + "\"")
			.contains("data-testid=\"no-agreement\"");
		assertClean(page, before.body());
		assertThat(university.page(page).body()).doesNotContain("data-testid=\"agreement-check\"")
			.contains("data-testid=\"no-actions\"");

		Response submitted = leader.upload(page + "/agreement", page,
				terms(project.cash().setScale(2).toPlainString(), "课程一门、实验指导书一部。"), "合作协议.pdf", Samples.pdf());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		assertThat(leader.page(page).body()).contains("合作协议已提交，等待高校审核。")
			.contains("data-status=\"SUBMITTED\"")
			.contains("href=\"" + page + "/agreement/file\"")
			.doesNotContain("data-testid=\"agreement-form\"")
			.contains("data-action=\"AGREEMENT_SUBMITTED\"");
		Response forUniversity = university.page(page);
		assertThat(forUniversity.body()).contains("data-testid=\"agreement-check\"")
			.contains("data-testid=\"agreement-return\"");
		assertClean("university", forUniversity.body());
		assertThat(enterprise.page(page).body()).doesNotContain("data-testid=\"agreement-confirm\"")
			.doesNotContain("data-testid=\"agreement-return\"");
		assertThat(leader.get(page + "/agreement/file").status()).isEqualTo(200);

		Response checked = university.post(page + "/agreement/check", page, Map.of());
		assertThat(checked.status()).as(checked.toString()).isEqualTo(302);
		assertThat(university.page(page).body()).doesNotContain("data-testid=\"agreement-check\"");
		Response forEnterprise = enterprise.page(page);
		assertThat(forEnterprise.body()).contains("data-testid=\"agreement-confirm\"")
			.contains("data-testid=\"agreement-return\"")
			.contains("data-testid=\"acceptance\"");
		Response confirmed = enterprise.post(page + "/agreement/confirm", page, Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(302);

		Response running = leader.page(page);
		assertThat(running.body()).contains("data-status=\"IN_PROGRESS\"")
			.contains("data-testid=\"change-form\"")
			.contains("data-testid=\"completion-form\"")
			.contains("data-action=\"AGREEMENT_CHECKED\"")
			.contains("data-action=\"AGREEMENT_CONFIRMED\"");
		assertClean("running", running.body());
		Response forPayment = enterprise.page(page);
		assertThat(forPayment.body()).doesNotContain("data-testid=\"agreement-confirm\"")
			.contains("data-testid=\"payment-form\"");
		assertClean("payment", forPayment.body());
		assertThat(leader.page(page).body()).doesNotContain("data-testid=\"payment-form\"");

		// The enterprise pays half with a voucher; the university confirms receipt.
		String half = project.cash().divide(java.math.BigDecimal.valueOf(2)).setScale(2).toPlainString();
		Response paid = enterprise.upload(
				page + "/disbursements", page, Map.of("kind", "CASH", "amount", half, "paidOn",
						LocalDate.now().minusDays(1).toString(), "reference", "银行回单 20250301-01"),
				"回单.pdf", Samples.pdf());
		assertThat(paid.status()).as(paid.toString()).isEqualTo(302);
		Response toConfirm = university.page(page);
		assertThat(toConfirm.body()).contains("data-testid=\"payment-confirm\"").contains("银行回单 20250301-01");
		assertClean("confirm", toConfirm.body());
		String payment = java.util.regex.Pattern.compile("data-payment=\"([^\"]+)\"")
			.matcher(toConfirm.body())
			.results()
			.findFirst()
			.orElseThrow()
			.group(1);
		Response receipt = university.post(page + "/disbursements/" + payment + "/confirm", page, Map.of());
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(302);
		assertThat(university.page(page).body()).doesNotContain("data-testid=\"payment-confirm\"").contains("已确认");
		assertThat(leader.get(page + "/disbursements/" + payment + "/voucher").status()).isEqualTo(200);
	}

	@Test
	void aRefusedAgreementComesBackWithTheFieldsMessageAndWhatWasTypedAndChangesNothing() {
		Project project = publish(1).projects().get(0);
		String page = "/projects/" + project.id();
		PageSession leader = signIn(project.teacherUsername(), "Changed#2025");
		String offByAFen = project.cash().add(new BigDecimal("0.01")).toPlainString();

		Response refused = leader.upload(page + "/agreement", page, terms(offByAFen, "校企共建课程一门。"), "合作协议.pdf",
				Samples.pdf());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"form-errors\"")
			.contains("合作协议的金额须与立项批准的金额一致")
			.contains("data-testid=\"error-cashTotal\"")
			.contains("与立项批准的金额不一致。")
			.contains("value=\"" + offByAFen + "\"")
			.contains("校企共建课程一门。")
			.contains("data-testid=\"agreement-form\"");
		assertClean("refused", refused.body());
		assertThat(this.api.get("/api/v1/projects/" + project.id() + "/agreement", this.api.token("dept")).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/projects/" + project.id() + "/history", this.api.token("dept")).json().size())
			.isZero();
		assertThat(leader.page(page).body()).contains("data-testid=\"no-agreement\"");
	}

	@Test
	void anExtensionIsAskedForAndDecidedOnThePageAndTheCompletionIsSubmittedThere() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String page = "/projects/" + project.id();
		assertThat(agreement(project).status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/check"), this.api.token(project.universityAdmin()), "{}")
			.status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/confirm"), published.batch().enterprise().token(), "{}")
			.status()).isEqualTo(200);
		LocalDate ends = LocalDate
			.parse(this.api.get(path(project, ""), this.api.token("dept")).json().get("endsOn").asString());
		PageSession leader = signIn(project.teacherUsername(), "Changed#2025");
		PageSession enterprise = signIn(published.batch().enterprise().username(), "Secret#2024");
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);

		Response asked = leader.post(page + "/changes", page, Map.of("kind", "EXTENSION", "newEndsOn",
				ends.plusMonths(6).toString(), "newLeaderId", "", "reason", "实验室搬迁，需延期半年"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(302);
		String changeId = this.api.get(path(project, "/changes"), this.api.token("dept"))
			.json()
			.get(0)
			.get("id")
			.asString();
		assertThat(dept.page(page).body()).doesNotContain("data-testid=\"change-decide-" + changeId + "\"");
		Response forEnterprise = enterprise.page(page);
		assertThat(forEnterprise.body()).contains("data-testid=\"change-decide-" + changeId + "\"");
		assertClean("enterprise", forEnterprise.body());
		assertThat(enterprise.post(page + "/changes/" + changeId + "/approve", page, Map.of()).status()).isEqualTo(302);
		Response noReason = dept.post(page + "/changes/" + changeId + "/reject", page, Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("data-testid=\"error-reason\"");
		assertThat(dept.post(page + "/changes/" + changeId + "/approve", page, Map.of()).status()).isEqualTo(302);
		assertThat(leader.page(page).body()).contains("data-testid=\"project-ends\">" + ends.plusMonths(6) + "<")
			.contains("data-action=\"CHANGE_APPROVED\"");

		List<Map.Entry<String, String>> missingTitle = List.of(Map.entry("report", "课程已建成。"),
				Map.entry("outcomeKind", "COURSE"), Map.entry("outcomeTitle", ""),
				Map.entry("outcomeDescription", "32 学时"), Map.entry("fundCategory", "设备费"),
				Map.entry("fundAmount", "1,000.00"));
		Response refused = leader.post(page + "/completion", page, missingTitle, false);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("成果第 1 行 · 名称").contains("value=\"32 学时\"").contains("value=\"1,000.00\"");
		List<Map.Entry<String, String>> complete = List.of(Map.entry("report", "课程已建成。"),
				Map.entry("outcomeKind", "COURSE"), Map.entry("outcomeTitle", "智能网联汽车导论"),
				Map.entry("outcomeDescription", "32 学时"), Map.entry("outcomeKind", "OTHER"),
				Map.entry("outcomeTitle", ""), Map.entry("outcomeDescription", ""), Map.entry("fundCategory", "设备费"),
				Map.entry("fundAmount", "1000.00"), Map.entry("fundCategory", ""), Map.entry("fundAmount", ""));
		Response submitted = leader.post(page + "/completion", page, complete, false);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		assertThat(leader.page(page).body()).contains("data-status=\"COMPLETION_REQUESTED\"")
			.contains("智能网联汽车导论")
			.doesNotContain("data-testid=\"completion-form\"");
		assertThat(signIn(project.universityAdmin(), Api.DEMO_PASSWORD).page(page).body())
			.contains("data-testid=\"completion-consent\"")
			.contains("data-testid=\"completion-return\"");
	}

	@Test
	void aTeacherOfAnotherUniversityIsToldTheProjectIsNotFound() {
		Project project = publish(1).projects().get(0);
		String other = project.universityAdmin().equals("jlu-admin") ? "nenu-admin" : "jlu-admin";
		PublishedGuides.Teacher elsewhere = new PublishedGuides(this.api, this.batches, this.clock).teacher(other);
		PageSession stranger = signIn(elsewhere.username(), "Changed#2025");
		PageSession leader = signIn(project.teacherUsername(), "Changed#2025");

		assertThat(stranger.page("/projects/" + project.id()).status()).isEqualTo(404);
		assertThat(stranger.get("/projects/" + project.id() + "/certificate.pdf").status()).isEqualTo(404);
		assertThat(leader.page("/projects/" + project.id()).status()).isEqualTo(200);
		assertThat(leader.get("/projects/" + project.id() + "/certificate.pdf").status()).isEqualTo(404);
	}

	@Test
	void aCompletedProjectIsOnThePublicListItsSpreadsheetAndItsCertificateVerifiesAndPrints() throws IOException {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		String university = this.api.token(project.universityAdmin());
		assertThat(agreement(project).status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/check"), university, "{}").status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/confirm"), enterprise, "{}").status()).isEqualTo(200);
		Response requested = this.api.post(path(project, "/completion"), project.teacherToken(),
				Map.of("report", "课程已建成并开设两轮，实验项目全部完成。", "outcomes",
						List.of(Map.of("kind", "COURSE", "title", "智能网联汽车导论", "description", "32 学时")), "fundUsage",
						List.of(Map.of("category", "设备费", "amount", project.cash().toPlainString()))));
		assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/completion/consent"), university, "{}").status()).isEqualTo(200);
		Expert expert = expert(enterprise);
		Response assigned = this.api.post(path(project, "/acceptance/assignments"), enterprise,
				Map.of("expertId", expert.id()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		String assignment = assigned.json().get("id").asString();

		// The expert concludes on its acceptance page.
		PageSession reviewer = signIn(expert.username(), "Changed#2025");
		Response tasks = reviewer.page("/expert/acceptance");
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		assertThat(tasks.body()).contains("href=\"/expert/acceptance/" + assignment + "\"")
			.contains(project.title())
			.contains("<a href=\"/expert/acceptance\" class=\"current\">结题验收任务</a>");
		String task = "/expert/acceptance/" + assignment;
		Response sheet = reviewer.page(task);
		assertThat(sheet.body()).contains("课程已建成并开设两轮")
			.contains("智能网联汽车导论")
			.contains("data-testid=\"expert-conclude\"");
		assertClean(task, sheet.body());
		Response noComment = reviewer.post(task + "/conclude", task, Map.of("conclusion", "PASS", "comment", " "));
		assertThat(noComment.status()).isEqualTo(422);
		assertThat(noComment.body()).contains("data-testid=\"error-comment\"")
			.contains("<option value=\"PASS\" selected");
		Response concludedByExpert = reviewer.post(task + "/conclude", task,
				Map.of("conclusion", "PASS", "comment", "成果完整，经费使用合规。"));
		assertThat(concludedByExpert.status()).as(concludedByExpert.toString()).isEqualTo(302);
		assertThat(reviewer.page(task).body()).contains("data-testid=\"concluded\"").contains("成果完整，经费使用合规。");

		// The enterprise records the conclusion on the project page.
		PageSession enterprisePage = signIn(published.batch().enterprise().username(), "Secret#2024");
		String page = "/projects/" + project.id();
		assertThat(enterprisePage.page(page).body()).contains("data-testid=\"conclude-form\"");
		Response concluded = enterprisePage.post(page + "/acceptance/conclude", page,
				Map.of("conclusion", "PASS", "comment", "同意通过验收。"));
		assertThat(concluded.status()).as(concluded.toString()).isEqualTo(302);

		String dept = this.api.token("dept");
		Response notice = this.api.post("/api/v1/notices", dept,
				Map.of("batchId", published.batch().batchId().toString(), "kind", "COMPLETIONS", "title", "结题公示",
						"body", "公示五个工作日。", "subjectIds", List.of(project.id())));
		closeNotice(notice);
		Response publication = this.api.post("/api/v1/batches/" + published.batch().batchId() + "/completions/publish",
				this.api.token("dept"), "{}");
		assertThat(publication.status()).as(publication.toString()).isEqualTo(200);
		JsonNode certificate = this.api.get(path(project, "/certificate"), project.teacherToken()).json();
		String number = certificate.get("certificateNumber").asString();
		String code = certificate.get("verificationCode").asString();

		// The public list, its spreadsheet and the verification.
		PageSession visitor = new PageSession(this.port);
		String batchId = published.batch().batchId().toString();
		Response lists = visitor.page("/completions");
		assertThat(lists.status()).isEqualTo(200);
		assertThat(lists.body()).contains("href=\"/completions/" + batchId + "\"")
			.contains("<a href=\"/completions\" class=\"current\">结题名单</a>");
		Response list = visitor.page("/completions/" + batchId);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.body()).contains(project.title()).contains(project.number()).contains(number);
		assertClean("list", list.body());
		assertThat(visitor.page("/completions/" + batchId + "?q=" + URLEncoder.encode("不存在的项目", StandardCharsets.UTF_8))
			.body()).contains("data-testid=\"list-empty\"");
		for (String xlsxPath : List.of("/completions/" + batchId + "/export.xlsx",
				"/api/v1/batches/" + batchId + "/completions.xlsx")) {
			HttpResponse<byte[]> xlsx = this.api.download(xlsxPath, null);
			assertThat(xlsx.statusCode()).as(xlsxPath).isEqualTo(200);
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
				Sheet sheet0 = workbook.getSheetAt(0);
				assertThat(sheet0.getRow(0).getCell(8).getStringCellValue()).isEqualTo("证书编号");
				assertThat(sheet0.getRow(1).getCell(1).getStringCellValue()).isEqualTo(project.number());
				assertThat(sheet0.getRow(1).getCell(2).getStringCellValue()).isEqualTo(project.title());
				assertThat(sheet0.getRow(1).getCell(8).getStringCellValue()).isEqualTo(number);
				assertThat(sheet0.getLastRowNum()).isEqualTo(1);
			}
		}
		Response valid = visitor.page("/verify/certificates?number=" + number + "&code=" + code);
		assertThat(valid.status()).isEqualTo(200);
		assertThat(valid.body()).contains("data-valid=\"true\"").contains("该结项证书真实有效。").contains(project.title());
		Response invalid = visitor.page("/verify/certificates?number=" + number + "&code=AAAAAAAAAA");
		assertThat(invalid.body()).contains("data-valid=\"false\"").doesNotContain(project.title());
		assertThat(visitor.page("/verify").body()).contains("href=\"/verify/certificates\"");

		// The leader's page shows the certificate; its PDF names the project.
		PageSession leader = signIn(project.teacherUsername(), "Changed#2025");
		Response done = leader.page(page);
		assertThat(done.body()).contains("data-testid=\"certificate\"")
			.contains(number)
			.contains(code)
			.contains("href=\"" + page + "/certificate.pdf\"")
			.contains("data-action=\"COMPLETED\"");
		assertThat(leader.get(page + "/certificate.pdf").status()).isEqualTo(200);
		HttpResponse<byte[]> pdf = this.api.download(path(project, "/certificate.pdf"), project.teacherToken());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		PdfReader reader = new PdfReader(pdf.body());
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text).contains("结项证书").contains(project.title()).contains(number).contains(code);
	}

	// Fixtures, as in ProjectLifecycleApiTests.

	private static Map<String, String> terms(String cash, String deliverables) {
		LocalDate start = LocalDate.now().plusDays(1);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("cashTotal", cash);
		fields.put("hardwareSoftwareTotal", "0.00");
		fields.put("startsOn", start.toString());
		fields.put("endsOn", start.plusYears(1).toString());
		fields.put("fundsDueOn", "");
		fields.put("deliverables", deliverables);
		fields.put("ipOwnership", "JOINT");
		return fields;
	}

	private static String path(Project project, String rest) {
		return "/api/v1/projects/" + project.id() + rest;
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

	private Published publish(int count) {
		return this.projects.publish(count);
	}

	private void closeNotice(Response notice) {
		this.projects.closeNotice(notice);
	}

	private Response agreement(Project project) {
		return this.projects.agreement(project, project.teacherToken(), project.cash().toPlainString());
	}

	private Expert expert(String enterprise) {
		return this.projects.expert(enterprise);
	}

}
