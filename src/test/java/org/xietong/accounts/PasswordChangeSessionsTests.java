package org.xietong.accounts;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.support.Api;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new password ends every other way in: the other page sessions and API tokens stop at
 * once, the session or token that changed it goes on.
 */
@PlatformTest
class PasswordChangeSessionsTests {

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	OrganizationManagement organizations;

	Api api;

	String username;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.username = Samples.unique("officer");
		this.users.create(NewUser.of(this.username, "Initial#2024", "处员", Role.DEPARTMENT_OFFICER,
				this.organizations.departmentId()));
	}

	@Test
	void changingThePasswordByTokenEndsTheOtherTokensAndPageSessions() {
		PageSession first = signedIn();
		PageSession second = signedIn();
		String changing = this.api.token(this.username, "Initial#2024");
		String other = this.api.token(this.username, "Initial#2024");

		assertThat(this.api
			.post("/api/v1/me/password", changing,
					Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"))
			.status()).isEqualTo(204);

		assertThat(this.api.get("/api/v1/me", changing).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", other).status()).isEqualTo(401);
		assertThat(first.get("/home").status()).isEqualTo(302);
		assertThat(second.get("/home").status()).isEqualTo(302);
	}

	@Test
	void changingThePasswordOnThePageEndsTheOtherPageSessionsAndTokens() {
		PageSession changing = signedIn();
		PageSession other = signedIn();
		String token = this.api.token(this.username, "Initial#2024");

		var changed = changing.post("/account/password", "/account/password", Map.of("currentPassword", "Initial#2024",
				"newPassword", "Changed#2025", "confirmPassword", "Changed#2025"));

		assertThat(changed.status()).isEqualTo(302);
		assertThat(changing.get("/home").status()).isEqualTo(200);
		assertThat(other.get("/home").status()).isEqualTo(302);
		assertThat(other.get("/home").header("Location")).contains("/login");
		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	private PageSession signedIn() {
		PageSession browser = new PageSession(this.port);
		browser.signIn(this.username, "Initial#2024");
		assertThat(browser.get("/home").status()).isEqualTo(200);
		return browser;
	}

}
