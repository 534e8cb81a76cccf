package org.xietong.applications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application pages over plain HTTP, as each role uses them: the teacher drafts from
 * the guide's page, the form saves itself, takes the application form, lists what is
 * missing and submits to a receipt; the university endorses within its caps; the
 * enterprise then sees it; anyone checks a receipt.
 */
@PlatformTest
class ApplicationPagesTests {

	private static final String TEACHER_PASSWORD = "Changed#2025";

	private static final String ENTERPRISE_PASSWORD = "Secret#2024";

	private static final Pattern VERSION = Pattern.compile("id=\"version\" name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	PublishedGuides guides;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.guides = new PublishedGuides(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aTeacherDraftsFromTheGuidePageAndIsTakenToTheSameDraftTheSecondTime() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		String guide = "/guides/" + batch.guideIds().get(0);
		PageSession teacher = teacher();
		assertThat(new PageSession(this.port).page(guide).body()).doesNotContain("data-testid=\"apply\"");
		assertThat(signedIn("jlu-admin").page(guide).body()).doesNotContain("data-testid=\"apply\"");
		Response page = teacher.page(guide);
		assertThat(page.body()).contains("data-testid=\"apply\"").contains("申报该指南");
		assertClean(guide, page.body());

		Response created = teacher.post(guide + "/applications", guide, Map.of());
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).matches(".*/applications/[0-9a-f-]{36}/edit");
		assertThat(teacher.page(path(created)).body()).contains("已创建申报草稿");
		Response again = teacher.post(guide + "/applications", guide, Map.of());

		assertThat(again.status()).isEqualTo(302);
		assertThat(again.header("Location")).isEqualTo(created.header("Location"));
		Response form = teacher.page(path(created));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("您已申报该指南，已为您打开原有的申报")
			.contains("hx-trigger=\"input changed delay:1500ms")
			.contains("hx-post=\"/applications/")
			.contains("<script src=\"/js/applications.js\" defer></script>");
		assertClean("form", form.body());
		assertThat(teacher.page("/applications").body()).contains("（未命名申报）").contains("草稿");
	}

	@Test
	void theAutosaveSavesTheFormAndAnswersTheTimeAndTheNewVersion() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";
		long version = version(teacher.page(edit).body());

		Response saved = teacher.post(edit, edit, complete("智能网联汽车课程建设", version), true);

		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.body()).startsWith("<p id=\"autosave-status\"")
			.contains("data-state=\"saved\"")
			.containsPattern("已保存 \\d{2}:\\d{2}:\\d{2}")
			.contains("<input type=\"hidden\" id=\"version\" name=\"version\" value=\"" + (version + 1)
					+ "\" hx-swap-oob=\"true\">")
			.contains("id=\"submission-panel\"")
			.doesNotContain("<html");
		Response after = teacher.page(edit);
		assertThat(version(after.body())).isEqualTo(version + 1);
		assertThat(after.body()).contains("value=\"智能网联汽车课程建设\"")
			.contains("value=\"李明\"")
			.contains("value=\"12000.00\"")
			.contains("value=\"8000.00\"")
			.contains("预算合计 ¥20,000.00，该指南每项资助资金 ¥20,000.00");
	}

	@Test
	void aStaleVersionIsNotSavedAndAsksCalmlyToReload() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";
		long version = version(teacher.page(edit).body());
		assertThat(teacher.post(edit, edit, complete("第一个窗口", version), true).status()).isEqualTo(200);

		Response stale = teacher.post(edit, edit, complete("第二个窗口", version), true);

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("data-state=\"conflict\"")
			.contains("此申报已在别处（例如另一个窗口）修改过")
			.contains("href=\"" + edit + "\"")
			.doesNotContain("hx-swap-oob")
			.doesNotContain("Exception");
		assertThat(teacher.page(edit).body()).contains("value=\"第一个窗口\"");
	}

	@Test
	void theSidePanelShowsTheLimitsAndWhatIsMissingUntilThePdfIsUploadedAsTheApplicationForm() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";

		Response blank = teacher.page(edit);
		assertThat(blank.body()).contains("data-testid=\"yearly\" class=\"ok\">0 / 3</dd>")
			.contains("data-testid=\"projects\" class=\"ok\">0 / ")
			.contains("data-testid=\"overdue-projects\" class=\"ok\">0</dd>")
			.contains("项目名称：必填。")
			.contains("经费预算：请至少填写一项经费预算。")
			.contains("附件：请上传签字盖章的申报书（PDF）。")
			.contains("距申报截止还有 ")
			.containsPattern("data-testid=\"submit\" disabled");

		assertThat(teacher.post(edit, edit, complete("课程建设", version(blank.body())), true).status()).isEqualTo(200);
		Response uploaded = teacher.upload("/applications/" + id + "/attachments", edit,
				Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);

		Response ready = teacher.page(edit);
		assertThat(ready.body()).contains("申报书.pdf")
			.contains("申报书（签字盖章，PDF）")
			.doesNotContain("请上传签字盖章的申报书")
			.contains("data-testid=\"nothing-missing\"")
			.doesNotContainPattern("data-testid=\"submit\" disabled");
		Response word = teacher.upload("/applications/" + id + "/attachments", edit, Map.of("kind", "APPLICATION_FORM"),
				"申报书.docx", "not a pdf".getBytes(StandardCharsets.UTF_8));
		assertThat(word.status()).isEqualTo(415);
		assertThat(word.body()).contains("文件内容不是允许的类型").contains("data-testid=\"application-form\"");
	}

	@Test
	void submittingShowsTheReceiptNumberTimeAndDigestAndItsPdf() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";
		attachForm(teacher, id);
		long version = version(teacher.page(edit).body());

		Response submitted = teacher.post("/applications/" + id + "/submit", edit, complete("提交后的课程建设", version),
				false);

		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		assertThat(submitted.header("Location")).endsWith("/applications/" + id);
		Response page = teacher.page("/applications/" + id);
		Matcher number = Pattern.compile("data-testid=\"receipt-number\">([^<]+-\\d{6}-1)<").matcher(page.body());
		assertThat(number.find()).as(page.body()).isTrue();
		assertThat(page.body()).contains("申报已提交，回执如下")
			.containsPattern("data-testid=\"receipt-time\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ")
			.containsPattern("data-testid=\"receipt-digest\">[0-9a-f]{64}<")
			.contains("提交后的课程建设")
			.contains("data-testid=\"action-withdraw\"")
			.doesNotContain("data-testid=\"action-edit\"");
		assertClean("application", page.body());
		Response pdf = teacher.get("/applications/" + id + "/receipt.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(teacher.get("/api/v1/applications/" + id + "/receipt.pdf").status())
			.as("the API takes bearer tokens only, hence the page's own route")
			.isEqualTo(401);
		assertThat(teacher.page(edit).status()).as("a submitted application is no longer edited").isEqualTo(302);
		Response csv = teacher.get("/applications.csv?status=SUBMITTED");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("\"提交后的课程建设\"").contains(number.group(1).replaceFirst("-1$", ""));
	}

	@Test
	void anIncompleteSubmissionComesBackOnTheFormListingEachFieldInChineseOrEnglish() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";

		Response refused = teacher.post("/applications/" + id + "/submit", edit, List.of(), false);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"form-errors\"")
			.contains("提交的内容有误")
			.contains("<li>项目名称：必填。</li>")
			.contains("<li>附件：请上传签字盖章的申报书（PDF）。</li>")
			.doesNotContain("Exception")
			.doesNotContain("at org.");
		teacher.get("/lang?to=en&back=/");
		Response english = teacher.post("/applications/" + id + "/submit", edit, List.of(), false);
		assertThat(english.body()).contains("<li>Title: Required.")
			.contains("Attach the signed and stamped application form (PDF).")
			.contains("Before you submit")
			.contains("Applications this year");
	}

	@Test
	void aSubmissionAfterTheWindowIsRefusedNamingTheWindowAndTheTimeItArrived() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";
		attachForm(teacher, id);
		long version = version(teacher.page(edit).body());
		assertThat(teacher.post(edit, edit, complete("迟到的申报", version), true).status()).isEqualTo(200);
		Instant closes = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
		this.guides.window(batch, closes.minus(Duration.ofDays(2)), closes);
		this.clock.set(closes.plusSeconds(1));

		Response refused = teacher.post("/applications/" + id + "/submit", edit, List.of(), false);

		assertThat(refused.status()).isEqualTo(409);
		String shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(PublishedGuides.SHANGHAI)
			.format(closes);
		String arrived = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(PublishedGuides.SHANGHAI)
			.format(closes.plusSeconds(1));
		assertThat(refused.body()).contains("已不在申报时间内，未予受理")
			.contains(shown)
			.contains(arrived)
			.contains("申报已截止")
			.containsPattern("data-testid=\"submit\" disabled");
	}

	@Test
	void theUniversityEndorsesFromItsQueueAndOnlyThenTheEnterpriseSeesTheApplication() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = submitted(teacher, batch, "待推荐的课程建设");
		PageSession enterprise = new PageSession(this.port);
		enterprise.signIn(batch.enterprise().username(), ENTERPRISE_PASSWORD);
		assertThat(enterprise.page("/enterprise/applications").body()).doesNotContain("待推荐的课程建设");
		assertThat(enterprise.page("/applications/" + id).status()).isEqualTo(404);

		PageSession admin = signedIn("jlu-admin");
		Response queue = admin.page("/university/applications?batchId=" + batch.id());
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("待推荐的课程建设")
			.contains("data-testid=\"endorsement-usage\"")
			.contains(batch.enterprise().name())
			.contains("data-testid=\"usage-used\">0 / 6</td>")
			.contains("data-testid=\"usage-waiting\">1</td>");
		assertClean("queue", queue.body());
		Response csv = admin.get("/university/applications.csv?batchId=" + batch.id());
		assertThat(csv.body()).contains("\"待推荐的课程建设\"");
		Response detail = admin.page("/applications/" + id);
		assertThat(detail.body()).contains("data-testid=\"action-endorse\"")
			.contains("data-testid=\"action-return\"")
			.contains("data-testid=\"enterprise-usage\"")
			.contains("已推荐 0 项");
		assertClean("endorsement", detail.body());

		Response endorsed = admin.post("/applications/" + id + "/endorse", "/applications/" + id, Map.of());

		assertThat(endorsed.status()).isEqualTo(302);
		assertThat(admin.page("/applications/" + id).body()).contains("data-status=\"ENDORSED\"")
			.contains("已推荐该申报")
			.doesNotContain("data-testid=\"action-endorse\"");
		Response received = enterprise.page("/enterprise/applications?guideId=" + batch.guideIds().get(0));
		assertThat(received.body()).contains("待推荐的课程建设");
		Response seen = enterprise.page("/applications/" + id);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body()).contains("申报书.pdf")
			.contains("data-testid=\"receipt\"")
			.doesNotContain("data-testid=\"action-");
		assertThat(enterprise.get("/enterprise/applications.csv").body()).contains("\"待推荐的课程建设\"");
	}

	@Test
	void anEndorsementOverTheCapIsRefusedOnThePageNamingTheCap() {
		BatchRules.Overrides capOfOne = new BatchRules.Overrides(null, null, null, null, null, null, null, null, null,
				Optional.of(1), null, null, null, null, null, null, null, null);
		Batch batch = this.guides.batch(capOfOne, "20000.00", "CURRICULUM");
		String first = submitted(teacher(), batch, "第一项");
		String second = submitted(teacher(), batch, "第二项");
		PageSession admin = signedIn("jlu-admin");
		assertThat(admin.post("/applications/" + first + "/endorse", "/applications/" + first, Map.of()).status())
			.isEqualTo(302);

		Response refused = admin.post("/applications/" + second + "/endorse", "/applications/" + second, Map.of());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("data-testid=\"form-errors\"")
			.contains("已达本批次每所高校对同一企业的推荐上限 1 项")
			.contains("已推荐 1 项，上限 1 项")
			.contains("data-status=\"SUBMITTED\"");
		Response blank = admin.post("/applications/" + second + "/return", "/applications/" + second,
				Map.of("reason", " "));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("data-testid=\"error-reason\"").contains("必填");
	}

	@Test
	void anApplicationOutsideTheCallersScopeIsNotFoundAndAListForAnotherRoleIsRefused() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = submitted(teacher, batch, "别校看不到的申报");

		assertThat(signedIn("nenu-admin").page("/applications/" + id).status()).isEqualTo(404);
		assertThat(signedIn("nenu-admin").page("/applications/" + id + "/receipt.pdf").status()).isEqualTo(404);
		assertThat(teacher().page("/applications/" + id).status()).isEqualTo(404);
		assertThat(teacher.page("/university/applications").status()).isEqualTo(403);
		assertThat(teacher.page("/department/applications").status()).isEqualTo(403);
		assertThat(signedIn("jlu-admin").page("/applications").status()).isEqualTo(403);
		assertThat(signedIn("sysadmin").page("/applications/" + id).status()).isEqualTo(403);
		assertThat(new PageSession(this.port).page("/applications").header("Location")).endsWith("/login");
		Response overview = signedIn("dept").page("/department/applications?batchId=" + batch.id());
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains("别校看不到的申报").contains("申报总览");
	}

	@Test
	void theVerifyPageSaysValidForAReceiptAndNotValidForAnotherDigest() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = submitted(teacher, batch, "核验用的申报");
		String body = teacher.page("/applications/" + id).body();
		Matcher number = Pattern.compile("data-testid=\"receipt-number\">([^<]+)<").matcher(body);
		Matcher digest = Pattern.compile("data-testid=\"receipt-digest\">([0-9a-f]{64})<").matcher(body);
		assertThat(number.find() && digest.find()).isTrue();
		PageSession visitor = new PageSession(this.port);

		Response blank = visitor.page("/verify");
		Response valid = visitor.page("/verify?number=" + encode(number.group(1)) + "&digest=" + digest.group(1));
		Response invalid = visitor.page("/verify?number=" + encode(number.group(1)) + "&digest=" + "0".repeat(64));

		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("data-testid=\"verify-form\"")
			.doesNotContain("data-testid=\"verify-result\"");
		assertThat(valid.body()).contains("data-valid=\"true\"").contains("回执有效").contains("核验用的申报");
		assertThat(invalid.body()).contains("data-valid=\"false\"").contains("回执无效").doesNotContain("核验用的申报");
		assertClean("verify", valid.body());
		visitor.get("/lang?to=en&back=/");
		assertThat(visitor.page("/verify?number=" + encode(number.group(1)) + "&digest=" + digest.group(1)).body())
			.contains("Valid receipt")
			.contains("Verify a receipt");
	}

	@Test
	void theFormAndListsSpeakEnglishWhenTheLanguageIsSwitched() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		PageSession teacher = teacher();
		String id = draft(teacher, batch);
		teacher.get("/lang?to=en&back=/");

		Response form = teacher.page("/applications/" + id + "/edit");
		Response list = teacher.page("/applications");

		assertThat(form.body()).contains("<html lang=\"en\">")
			.contains("Before you submit")
			.contains("Applications close in ")
			.contains("Title: Required.")
			.contains("What you type is saved automatically.")
			.contains("Add a budget line");
		assertThat(list.body()).contains("My applications").contains("(untitled application)").contains("Draft");
	}

	private PageSession teacher() {
		Teacher teacher = this.guides.teacher("jlu-admin");
		PageSession session = new PageSession(this.port);
		Response signedIn = session.signIn(teacher.username(), TEACHER_PASSWORD);
		assertThat(signedIn.header("Location")).endsWith("/home");
		return session;
	}

	private PageSession signedIn(String username) {
		PageSession session = new PageSession(this.port);
		assertThat(session.signIn(username, Api.DEMO_PASSWORD).header("Location")).endsWith("/home");
		return session;
	}

	/**
	 * Drafts from the guide's page, as the teacher does; answers the application's id.
	 */
	private String draft(PageSession teacher, Batch batch) {
		String guide = "/guides/" + batch.guideIds().get(0);
		Response created = teacher.post(guide + "/applications", guide, Map.of());
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		Matcher id = Pattern.compile("/applications/([0-9a-f-]{36})/edit").matcher(created.header("Location"));
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	private void attachForm(PageSession teacher, String id) {
		Response uploaded = teacher.upload("/applications/" + id + "/attachments", "/applications/" + id + "/edit",
				Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);
	}

	/** A complete application submitted from its form; answers its id. */
	private String submitted(PageSession teacher, Batch batch, String title) {
		String id = draft(teacher, batch);
		String edit = "/applications/" + id + "/edit";
		attachForm(teacher, id);
		Response submitted = teacher.post("/applications/" + id + "/submit", edit,
				complete(title, version(teacher.page(edit).body())), false);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		return id;
	}

	/** The form of a complete application for a guide with ¥20,000 cash per project. */
	private static List<Map.Entry<String, String>> complete(String title, long version) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("version", Long.toString(version)));
		fields.add(Map.entry("title", title));
		fields.add(Map.entry("summary", "面向智能网联汽车方向，校企共建课程与实验项目。"));
		fields.add(Map.entry("plan", "第一年完成课程大纲与实验设计，第二年开课并迭代。"));
		fields.add(Map.entry("expectedOutcomes", "课程一门、实验指导书一部、教学案例十个。"));
		fields.add(Map.entry("memberName", "李明"));
		fields.add(Map.entry("memberTitle", "副教授"));
		fields.add(Map.entry("memberOrganization", "吉林大学"));
		fields.add(Map.entry("memberRole", "课程设计"));
		fields.add(Map.entry("lineCategory", "设备费"));
		fields.add(Map.entry("lineAmount", "¥12,000"));
		fields.add(Map.entry("lineCategory", "差旅费"));
		fields.add(Map.entry("lineAmount", "8000"));
		return fields;
	}

	private static long version(String form) {
		Matcher version = VERSION.matcher(form);
		assertThat(version.find()).as("the form carries its version").isTrue();
		return Long.parseLong(version.group(1));
	}

	private static String path(Response redirect) {
		return redirect.header("Location").replaceFirst("^https?://[^/]+", "");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * A page that a strict Content-Security-Policy serves whole: no inline script, style
	 * or event handler, and every POST form carries the CSRF token.
	 */
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
