package org.xietong.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over plain HTTP: sign-in with a session, CSRF, language, headers, error
 * pages.
 */
@PlatformTest
class PagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	OrganizationManagement organizations;

	Api browser;

	@BeforeEach
	void setUp() {
		this.browser = new Api(this.port);
	}

	@Test
	void thePublicHomePageIsChineseByDefaultAndCreatesNoSession() {
		Response page = this.browser.get("/", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\">").contains("产学合作协同育人项目");
		assertThat(page.header("Set-Cookie")).isNull();
	}

	@Test
	void theLanguageSwitchTurnsPagesEnglishAndBack() {
		Response switched = this.browser.get("/lang?to=en&back=%2Flogin", null);
		assertThat(switched.status()).isEqualTo(302);
		assertThat(switched.header("Location")).endsWith("/login");

		assertThat(this.browser.get("/login", null).body()).contains("<html lang=\"en\">").contains("Sign in");

		this.browser.get("/lang?to=zh-CN", null);
		assertThat(this.browser.get("/login", null).body()).contains("<html lang=\"zh-CN\">").contains("登录");
	}

	@Test
	void theLanguageSwitchNeverRedirectsOffSite() {
		Response switched = this.browser.get("/lang?to=en&back=%2F%2Fevil.example", null);
		assertThat(switched.header("Location")).doesNotContain("evil");
	}

	@Test
	void aPrivatePageSendsVisitorsToTheSignInPage() {
		Response home = this.browser.get("/home", null);

		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/login");
	}

	@Test
	void signingInThroughTheFormKeepsTheSessionInTheDatabase() {
		signIn("dept", Api.DEMO_PASSWORD);

		Response home = this.browser.get("/home", null);
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("data-testid=\"home-DEPARTMENT_OFFICER\"").contains("我的待办");

		Integer maxInactive = this.jdbc
			.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'dept' "
					+ "ORDER BY last_access_time DESC LIMIT 1")
			.query(Integer.class)
			.single();
		assertThat(maxInactive).isEqualTo(30 * 60);
	}

	@Test
	void aWrongPasswordOnTheFormShowsTheReasonInChinese() {
		Response failed = signIn("dept", "Wrong#2024");

		assertThat(failed.header("Location")).endsWith("/login?error=bad");
		assertThat(this.browser.get("/login?error=bad", null).body()).contains("用户名或密码不正确");
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() {
		Response refused = this.browser.send(this.browser.request("/login", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=dept&password=Demo%402024")));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.browser.get("/home", null).status()).isEqualTo(302);
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		Response page = this.browser.get("/login", null);

		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("script-src 'self'")
			.doesNotContain("unsafe-inline")
			.contains("frame-ancestors 'none'");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	@Test
	void pagesHaveNoInlineScriptsOrStyles() {
		signIn("auditor", Api.DEMO_PASSWORD);
		for (String path : new String[] { "/", "/login", "/home", "/audit" }) {
			String body = this.browser.get(path, null).body();
			assertThat(body).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
			assertThat(body).as(path).doesNotContain("style=").doesNotContain("<style");
			assertThat(body).as(path).doesNotContainPattern("\\son[a-z]+=");
		}
	}

	@Test
	void aMissingPageIsAFriendlyChinesePageWithoutAStackTrace() {
		signIn("dept", Api.DEMO_PASSWORD);

		Response missing = this.browser
			.send(this.browser.request("/no-such-page", null).header("Accept", "text/html").GET());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("页面不存在").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void theAuditorSeesTheTrailPageAndOthersAreRefused() {
		signIn("auditor", Api.DEMO_PASSWORD);
		Response trail = this.browser.get("/audit?action=LOGIN_SUCCEEDED", null);
		assertThat(trail.status()).isEqualTo(200);
		assertThat(trail.body()).contains("审计日志").contains("LOGIN_SUCCEEDED");
		assertThat(this.browser.get("/audit/verify", null).body()).contains("data-testid=\"chain-intact\"");
		Response csv = this.browser.get("/audit/export.csv?action=LOGIN_SUCCEEDED", null);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("LOGIN_SUCCEEDED");

		Api other = new Api(this.port);
		this.browser = other;
		signIn("sysadmin", Api.DEMO_PASSWORD);
		Response refused = this.browser.send(this.browser.request("/audit", null).header("Accept", "text/html").GET());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("无权访问");
	}

	@Test
	void theSystemAdministratorListsFiltersAndExportsAccounts() {
		signIn("sysadmin", Api.DEMO_PASSWORD);

		Response teachers = this.browser.get("/admin/users?role=TEACHER", null);
		assertThat(teachers.status()).isEqualTo(200);
		assertThat(teachers.body()).contains("jlu-teacher1").contains("王建国").doesNotContain(">dept<");

		Response search = this.browser.get("/admin/users?q=%E5%88%98%E8%8A%B3", null);
		assertThat(search.body()).contains("nenu-teacher1").doesNotContain("jlu-teacher1");

		Response csv = this.browser.get("/admin/users/export.csv?role=TEACHER", null);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("\"jlu-teacher1\"").doesNotContain("\"dept\"");
	}

	@Test
	void anAccountWhosePasswordWasSetByAnAdministratorIsLedToTheChangeForm() {
		String username = "forced-" + System.nanoTime();
		this.users.create(new NewUser(username, "Initial#2024", "改密测试", Role.DEPARTMENT_OFFICER,
				this.organizations.departmentId(), null, null, null, true));
		signIn(username, "Initial#2024");

		Response home = this.browser.get("/home", null);
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/account/password");
		assertThat(this.browser.get("/account/password", null).body()).contains("data-testid=\"password-required\"");

		String form = this.browser.get("/account/password", null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		Response changed = this.browser.send(this.browser.request("/account/password", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("currentPassword=Initial%232024&newPassword=Changed%232025"
					+ "&confirmPassword=Changed%232025&_csrf=" + csrf.group(1))));
		assertThat(changed.status()).isEqualTo(302);

		Response after = this.browser.get("/home", null);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).contains("密码已修改");
	}

	private Response signIn(String username, String password) {
		String loginPage = this.browser.get("/login", null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		return this.browser.send(this.browser.request("/login", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

}
