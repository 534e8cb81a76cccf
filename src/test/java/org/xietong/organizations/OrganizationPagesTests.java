package org.xietong.organizations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation pages over plain HTTP, as a browser uses them: a session, the CSRF
 * token of the page, forms and uploads.
 */
@PlatformTest
class OrganizationPagesTests {

	private static final List<String> TEACHER_COLUMNS = List.of("用户名", "姓名", "职称", "电子邮箱", "手机", "初始密码");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegistrationFormCreatesAnEnterprisePendingReview() {
		Browser visitor = new Browser();
		String username = Samples.unique("reg");
		Map<String, String> form = registration(username, Samples.creditCode());

		Response posted = visitor.post("/register/enterprise", "/register/enterprise", form);

		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.header("Location")).endsWith("/register/enterprise/submitted");
		Response confirmation = visitor.get("/register/enterprise/submitted");
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.body()).contains("等待教育厅审核").contains(form.get("name")).contains("href=\"/login\"");
		assertThat(this.jdbc.sql("SELECT status FROM enterprises WHERE credit_code = :code")
			.param("code", form.get("creditCode"))
			.query(String.class)
			.single()).isEqualTo("PENDING_REVIEW");
		assertThat(this.jdbc.sql("SELECT role FROM users WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.single()).isEqualTo("ENTERPRISE_CONTACT");
	}

	@Test
	void aBadCreditCodeShowsTheChineseReasonKeepsWhatWasTypedAndCreatesNothing() {
		Browser visitor = new Browser();
		String username = Samples.unique("reg");
		String code = Samples.creditCode();
		String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
		Map<String, String> form = registration(username, wrong);

		Response refused = visitor.post("/register/enterprise", "/register/enterprise", form);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("统一社会信用代码校验位不正确")
			.contains("value=\"" + form.get("name") + "\"")
			.contains("value=\"" + wrong + "\"")
			.doesNotContain("Secret#2024");
		assertThat(count("SELECT COUNT(*) FROM enterprises WHERE name = :v", form.get("name"))).isZero();
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = :v", username)).isZero();
	}

	@Test
	void theDepartmentApprovesFromTheEnterprisesPageAndTheQueueNoLongerListsIt() {
		Registered enterprise = registerThroughApi();
		Browser dept = new Browser().signIn("dept");
		assertThat(dept.get("/enterprises?q=" + enterprise.creditCode()).body()).contains(enterprise.name());
		assertThat(dept.get("/enterprises/" + enterprise.id()).body()).contains("data-testid=\"action-approve\"")
			.contains("data-testid=\"action-blacklist\"")
			.doesNotContain("data-testid=\"action-unblacklist\"");

		Response approved = dept.post("/enterprises/" + enterprise.id() + "/approve", "/enterprises/" + enterprise.id(),
				Map.of());

		assertThat(approved.status()).isEqualTo(302);
		assertThat(approved.header("Location")).endsWith("/enterprises/" + enterprise.id());
		Response page = dept.get("/enterprises/" + enterprise.id());
		assertThat(page.body()).contains("已审核通过").doesNotContain("data-testid=\"action-approve\"");
		assertThat(dept.get("/enterprises?q=" + enterprise.creditCode()).body()).doesNotContain(enterprise.name());
		assertThat(dept.get("/enterprises?status=APPROVED&q=" + enterprise.creditCode()).body())
			.contains(enterprise.name());
	}

	@Test
	void returningAnEnterpriseWithoutAReasonIsRefusedOnTheSamePage() {
		Registered enterprise = registerThroughApi();
		Browser dept = new Browser().signIn("dept");

		Response refused = dept.post("/enterprises/" + enterprise.id() + "/return", "/enterprises/" + enterprise.id(),
				Map.of("reason", " "));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("必填").contains("data-testid=\"action-return\"");
		assertThat(status(enterprise.id())).isEqualTo("PENDING_REVIEW");
	}

	@Test
	void aReturnedEnterpriseSeesTheReasonCorrectsItsRegistrationAndResubmits() {
		Registered enterprise = registerThroughApi();
		Browser dept = new Browser().signIn("dept");
		dept.post("/enterprises/" + enterprise.id() + "/return", "/enterprises/" + enterprise.id(),
				Map.of("reason", "请补充信用报告"));
		Browser contact = new Browser().signIn(enterprise.username(), "Secret#2024");

		Response own = contact.get("/enterprise");
		assertThat(own.body()).contains("请补充信用报告").contains("data-testid=\"resubmit\"");
		String edit = contact.get("/enterprise/edit").body();
		Map<String, String> form = registration(enterprise.username(), enterprise.creditCode());
		form.put("name", enterprise.name() + "（更正）");
		form.put("version", value(edit, "version"));
		assertThat(contact.post("/enterprise/edit", "/enterprise/edit", form).status()).isEqualTo(302);
		assertThat(contact.post("/enterprise/resubmit", "/enterprise", Map.of()).status()).isEqualTo(302);

		assertThat(status(enterprise.id())).isEqualTo("PENDING_REVIEW");
		assertThat(contact.get("/enterprise").body()).contains(enterprise.name() + "（更正）")
			.doesNotContain("data-testid=\"resubmit\"");
	}

	@Test
	void anEnterpriseContactFilesADocumentAndDownloadsIt() {
		Registered enterprise = registerThroughApi();
		Browser contact = new Browser().signIn(enterprise.username(), "Secret#2024");

		Response uploaded = contact.upload("/enterprise/documents", "/enterprise", Map.of("kind", "CREDIT_REPORT"),
				"信用报告.pdf", Samples.pdf());
		assertThat(uploaded.status()).isEqualTo(302);
		Response refused = contact.upload("/enterprise/documents", "/enterprise", Map.of("kind", "CREDIT_REPORT"),
				"x.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.body()).contains("文件内容不是允许的类型");

		String documentId = this.jdbc.sql("SELECT id FROM enterprise_documents WHERE enterprise_id = :id")
			.param("id", UUID.fromString(enterprise.id()))
			.query(UUID.class)
			.single()
			.toString();
		Response download = contact.get("/enterprise/documents/" + documentId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/pdf");
		assertThat(download.header("Content-Disposition")).contains("attachment");
	}

	@Test
	void anEnterpriseContactCannotOpenAnotherEnterprisesPageOrDocument() {
		UUID auto = organizationOf("ent-auto");
		UUID cloud = organizationOf("ent-cloud");
		String autoDocument = documentOf(auto);
		Browser contact = new Browser().signIn("ent-cloud");

		assertThat(contact.page("/enterprises/" + auto).status()).isEqualTo(404);
		assertThat(contact.page("/enterprises/" + auto + "/documents/" + autoDocument).status()).isEqualTo(404);
		assertThat(contact.page("/enterprise/documents/" + autoDocument).status()).isEqualTo(404);
		assertThat(contact.page("/enterprises").status()).isEqualTo(403);
		assertThat(contact.get("/enterprises/" + cloud + "/documents/" + documentOf(cloud)).status()).isEqualTo(200);
	}

	@Test
	void theSystemAdministratorCannotDownloadADocument() {
		UUID auto = organizationOf("ent-auto");
		Browser sysadmin = new Browser().signIn("sysadmin");

		assertThat(sysadmin.page("/enterprises/" + auto + "/documents/" + documentOf(auto)).status()).isEqualTo(403);
		assertThat(sysadmin.page("/enterprises/" + auto).status()).isEqualTo(403);
		assertThat(sysadmin.page("/defaulters").status()).isEqualTo(403);
	}

	@Test
	void theDefaultersListIsTheDepartmentsOnlyAndShowsTheReason() {
		Registered enterprise = registerThroughApi();
		Browser dept = new Browser().signIn("dept");
		dept.post("/enterprises/" + enterprise.id() + "/blacklist", "/enterprises/" + enterprise.id(),
				Map.of("reason", "弄虚作假，提供虚假信用报告"));

		assertThat(dept.get("/defaulters?q=" + enterprise.creditCode()).body()).contains(enterprise.name())
			.contains("弄虚作假，提供虚假信用报告");
		assertThat(dept.get("/enterprises/" + enterprise.id()).body()).contains("data-testid=\"action-unblacklist\"")
			.doesNotContain("data-testid=\"action-approve\"")
			.contains("data-testid=\"defaulter-history\"");
		Response csv = dept.get("/defaulters/export.csv?q=" + enterprise.creditCode());
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFF").contains("\"" + enterprise.creditCode() + "\"");
		assertThat(new Browser().get("/defaulters").status()).isEqualTo(302);
	}

	@Test
	void theImportPreviewListsTheBadRowWithItsNumberAndImportsNothing() {
		Browser admin = new Browser().signIn("jlu-admin");
		String a = Samples.unique("pimp");
		String b = Samples.unique("pimp");
		byte[] sheet = Samples.sheet(TEACHER_COLUMNS, List.of(List.of(a, "甲", "教授", "", "", "Initial#2024"),
				List.of(b, "乙", "讲师", "not-an-email", "", "Initial#2024")));

		Response preview = admin.upload("/university/teachers/import", "/university/teachers/import", Map.of(),
				"teachers.xlsx", sheet);

		assertThat(preview.status()).isEqualTo(422);
		assertThat(preview.body()).contains("data-testid=\"import-invalid\"")
			.contains("<td data-testid=\"error-row\">3</td>")
			.contains("<td>电子邮箱</td>")
			.contains("电子邮箱格式不正确")
			.doesNotContain("data-testid=\"import-confirm\"");
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = :v", a)).isZero();
	}

	@Test
	void aGoodSheetImportsExactlyThePreviewedFileAfterConfirmation() {
		Browser admin = new Browser().signIn("jlu-admin");
		String a = Samples.unique("pimp");
		String b = Samples.unique("pimp");
		byte[] sheet = Samples.sheet(TEACHER_COLUMNS, List.of(List.of(a, "甲", "教授", "", "", "Initial#2024"),
				List.of(b, "乙", "讲师", b + "@jlu.edu.cn", "13800000002", "Initial#2024")));

		Response preview = admin.upload("/university/teachers/import", "/university/teachers/import", Map.of(),
				"teachers.xlsx", sheet);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains(a).contains(b).contains("data-testid=\"import-confirm\"");
		assertThat(preview.body()).doesNotContain("Initial#2024");
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = :v", a)).isZero();
		String token = value(preview.body(), "token");

		Response confirmed = admin.post("/university/teachers/import/confirm", "/university/teachers/import",
				Map.of("token", token));

		assertThat(confirmed.status()).isEqualTo(302);
		assertThat(confirmed.header("Location")).endsWith("/university/teachers");
		assertThat(admin.get("/university/teachers").body()).contains("导入完成");
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = :v", a)).isOne();
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = :v", b)).isOne();
		assertThat(
				admin.post("/university/teachers/import/confirm", "/university/teachers/import", Map.of("token", token))
					.status())
			.isEqualTo(409);
	}

	@Test
	void aTeacherOpeningTheTeachersPageIsRefused() {
		Browser teacher = new Browser().signIn("jlu-teacher1");

		Response refused = teacher.page("/university/teachers");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("无权访问");
	}

	@Test
	void aUniversityAdministratorAddsATeacherAndSeesOnlyItsOwn() {
		Browser admin = new Browser().signIn("jlu-admin");
		String username = Samples.unique("pt");

		Response refused = admin.post("/university/teachers/new", "/university/teachers/new",
				Map.of("username", username, "displayName", "新教师", "email", "wrong", "password", "Initial#2024"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("电子邮箱格式不正确").contains("value=\"" + username + "\"");
		Response created = admin.post("/university/teachers/new", "/university/teachers/new",
				Map.of("username", username, "displayName", "新教师", "password", "Initial#2024"));
		assertThat(created.status()).isEqualTo(302);

		String list = admin.get("/university/teachers?q=" + username).body();
		assertThat(list).contains(username);
		assertThat(admin.get("/university/teachers").body()).contains("jlu-teacher1").doesNotContain("nenu-teacher1");
		assertThat(admin.get("/university/teachers/export.csv").body()).startsWith("\uFEFF")
			.contains("\"jlu-teacher1\"");
	}

	@Test
	void theSystemAdministratorAddsAUniversityAndAnAccountAndActsOnIt() {
		Browser sysadmin = new Browser().signIn("sysadmin");
		String code = "9" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
		assertThat(sysadmin.post("/admin/universities", "/admin/universities", Map.of("name", "测试学院", "code", "123"))
			.body()).contains("高校代码为 10 位数字");
		assertThat(
				sysadmin.post("/admin/universities", "/admin/universities", Map.of("name", "测试学院" + code, "code", code))
					.status())
			.isEqualTo(302);
		assertThat(sysadmin.get("/admin/universities?q=" + code).body()).contains("测试学院" + code);
		UUID university = this.jdbc.sql("SELECT id FROM organizations WHERE code = :code")
			.param("code", code)
			.query(UUID.class)
			.single();

		String username = Samples.unique("uadmin");
		Response created = sysadmin.post("/admin/users/new", "/admin/users/new",
				Map.of("role", "UNIVERSITY_ADMIN", "organizationId", university.toString(), "username", username,
						"displayName", "教务处", "password", "Initial#2024"));
		assertThat(created.status()).isEqualTo(302);
		String accountPage = created.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(sysadmin.get(accountPage).body()).contains(username).contains("data-testid=\"deactivate\"");

		assertThat(sysadmin.post(accountPage + "/deactivate", accountPage, Map.of()).status()).isEqualTo(302);
		assertThat(sysadmin.get(accountPage).body()).contains("data-testid=\"activate\"");
		assertThat(this.jdbc.sql("SELECT enabled FROM users WHERE username = :u")
			.param("u", username)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(sysadmin.post(accountPage + "/reset-password", accountPage, Map.of("newPassword", "short")).body())
			.contains("密码至少 8 位");
	}

	@Test
	void anEnterpriseAddsAnExpertToItsOwnPoolWhoDeclaresAConflict() {
		Browser contact = new Browser().signIn("ent-cloud");
		String username = Samples.unique("pexp");
		UUID jlu = organizationOf("jlu-admin");

		Response created = contact.post("/experts/new", "/experts/new",
				Map.of("displayName", "页面专家", "username", username, "affiliationName", "某研究院", "fields", "人工智能，数字经济",
						"password", "Initial#2024", "conflicts", jlu.toString()));
		assertThat(created.status()).isEqualTo(302);
		String expertPage = created.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(contact.get(expertPage).body()).contains("某研究院").contains("人工智能、数字经济").contains("吉林大学");
		assertThat(contact.get("/experts?q=" + username).body()).contains(username);
		assertThat(new Browser().signIn("ent-auto").page(expertPage).status()).isEqualTo(404);

		Browser expert = new Browser().signIn("expert-pool");
		Response neither = expert.post("/expert/profile/conflicts", "/expert/profile", Map.of("reason", "亲属"));
		assertThat(neither.status()).isEqualTo(422);
		assertThat(neither.body()).contains("二者选一");
		assertThat(expert
			.post("/expert/profile/conflicts", "/expert/profile", Map.of("personName", "王建国", "reason", "近亲属"))
			.status()).isEqualTo(302);
		assertThat(expert.get("/expert/profile").body()).contains("王建国").contains("近亲属");
	}

	@Test
	void thePagesRenderInEnglishAfterTheLanguageSwitch() {
		Browser dept = new Browser();
		dept.get("/lang?to=en");
		dept.signIn("dept");

		Response queue = dept.get("/enterprises?status=ALL");
		assertThat(queue.body()).contains("<html lang=\"en\">").contains("Enterprise review").contains("Approved");
		Response register = dept.get("/register/enterprise");
		assertThat(register.body()).contains("Register an enterprise").contains("Unified social credit code");

		Browser visitor = new Browser();
		visitor.get("/lang?to=en");
		Map<String, String> form = registration(Samples.unique("reg"), "91220101MA0Y3K8T50");
		assertThat(visitor.post("/register/enterprise", "/register/enterprise", form).body())
			.contains("check digit is wrong");
	}

	@Test
	void noneOfThePagesHasInlineScriptOrStyle() {
		UUID auto = organizationOf("ent-auto");
		String poolExpert = this.jdbc.sql("SELECT id FROM users WHERE username = 'expert-pool'")
			.query(UUID.class)
			.single()
			.toString();
		Registered pending = registerThroughApi();
		Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
		pagesByUser.put("", List.of("/register/enterprise", "/register/enterprise/submitted"));
		pagesByUser.put("dept", List.of("/enterprises", "/enterprises/" + auto, "/defaulters", "/experts",
				"/experts/new", "/experts/import", "/experts/" + poolExpert));
		pagesByUser.put("ent-auto", List.of("/enterprise", "/experts"));
		pagesByUser.put(pending.username(), List.of("/enterprise", "/enterprise/edit"));
		pagesByUser.put("sysadmin", List.of("/admin/universities", "/admin/users/new", "/admin/users/" + poolExpert));
		pagesByUser.put("jlu-admin",
				List.of("/university/teachers", "/university/teachers/new", "/university/teachers/import"));
		pagesByUser.put("expert-pool", List.of("/expert/profile"));

		pagesByUser.forEach((username, paths) -> {
			Browser browser = new Browser();
			if (username.equals(pending.username())) {
				browser.signIn(username, "Secret#2024");
			}
			else if (!username.isEmpty()) {
				browser.signIn(username);
			}
			for (String path : paths) {
				Response page = browser.get(path);
				assertThat(page.status()).as(path).isEqualTo(200);
				assertClean(path, page.body());
			}
		});
		Response refused = new Browser().post("/register/enterprise", "/register/enterprise",
				registration(Samples.unique("reg"), "bad"));
		assertThat(refused.status()).isEqualTo(422);
		assertClean("registration with errors", refused.body());
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

	private Map<String, String> registration(String username, String creditCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "页面注册科技有限公司" + Samples.unique("n"));
		form.put("creditCode", creditCode);
		form.put("legalRepresentative", "张三");
		form.put("foundedOn", "2015-01-01");
		form.put("registeredCapital", "5000000");
		form.put("industry", "人工智能");
		form.put("address", "长春市南关区人民大街 1 号");
		form.put("description", "从事人工智能教育产品研发。");
		form.put("contactName", "李四");
		form.put("contactPhone", "0431-88905350");
		form.put("contactEmail", "contact@example.com");
		form.put("username", username);
		form.put("password", "Secret#2024");
		form.put("confirmPassword", "Secret#2024");
		return form;
	}

	private Registered registerThroughApi() {
		String username = Samples.unique("pent");
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		Response registered = new Api(this.port).post("/api/v1/enterprises", null, body);
		assertThat(registered.status()).isEqualTo(201);
		return new Registered(registered.json().get("id").asString(), (String) body.get("name"),
				(String) body.get("creditCode"), username);
	}

	private UUID organizationOf(String username) {
		return this.jdbc.sql("SELECT organization_id FROM users WHERE username = :u")
			.param("u", username)
			.query(UUID.class)
			.single();
	}

	private String documentOf(UUID enterprise) {
		return this.jdbc.sql("SELECT id FROM enterprise_documents WHERE enterprise_id = :id LIMIT 1")
			.param("id", enterprise)
			.query(UUID.class)
			.single()
			.toString();
	}

	private String status(String enterpriseId) {
		return this.jdbc.sql("SELECT status FROM enterprises WHERE id = :id")
			.param("id", UUID.fromString(enterpriseId))
			.query(String.class)
			.single();
	}

	private long count(String sql, String value) {
		return this.jdbc.sql(sql).param("v", value).query(Long.class).single();
	}

	private static String value(String html, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
		assertThat(matcher.find()).as("a field named " + name).isTrue();
		return matcher.group(1);
	}

	record Registered(String id, String name, String creditCode, String username) {
	}

	/** One person's browser: its cookies, and the CSRF token of the page it last read. */
	private final class Browser {

		private final PageSession session = new PageSession(OrganizationPagesTests.this.port);

		Browser signIn(String username) {
			return signIn(username, Api.DEMO_PASSWORD);
		}

		Browser signIn(String username, String password) {
			Response signedIn = post("/login", "/login", Map.of("username", username, "password", password));
			assertThat(signedIn.header("Location")).as("signing in " + username).endsWith("/home");
			return this;
		}

		Response get(String path) {
			return this.session.get(path);
		}

		/** A page as a browser asks for it, so that a refusal is an error page. */
		Response page(String path) {
			return this.session.page(path);
		}

		/** Submits a form as the page {@code formPage} would, with its CSRF token. */
		Response post(String path, String formPage, Map<String, String> fields) {
			return this.session.post(path, formPage, fields);
		}

		/**
		 * Uploads a file as a multipart form does, the CSRF token in the query string.
		 */
		Response upload(String path, String formPage, Map<String, String> fields, String fileName, byte[] content) {
			return this.session.upload(path, formPage, fields, fileName, content);
		}

	}

}
