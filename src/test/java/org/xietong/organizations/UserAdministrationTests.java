package org.xietong.organizations;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class UserAdministrationTests {

	@LocalServerPort
	int port;

	Api api;

	String sysadmin;

	String id;

	String username;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.sysadmin = this.api.token("sysadmin");
		this.username = Samples.unique("officer");
		String department = this.api.get("/api/v1/me", this.sysadmin).json().get("organizationId").asString();
		this.id = this.api
			.post("/api/v1/users", this.sysadmin, Map.of("username", this.username, "password", "Secret#2024",
					"displayName", "处员", "role", "DEPARTMENT_OFFICER", "organizationId", department))
			.json()
			.get("id")
			.asString();
	}

	@Test
	void theSystemAdministratorUnlocksALockedAccount() {
		for (int i = 0; i < 5; i++) {
			this.api.post("/api/v1/auth/token", null, Map.of("username", this.username, "password", "Wrong#2024"));
		}
		assertThat(signIn("Secret#2024").code()).isEqualTo("ACCOUNT_LOCKED");

		assertThat(this.api.post("/api/v1/users/" + this.id + "/unlock", this.sysadmin, "{}").status()).isEqualTo(200);

		assertThat(signIn("Secret#2024").status()).isEqualTo(200);
	}

	@Test
	void aResetPasswordMustBeChangedAtTheNextSignIn() {
		Response reset = this.api.post("/api/v1/users/" + this.id + "/reset-password", this.sysadmin,
				Map.of("newPassword", "Temporary#1"));

		assertThat(reset.json().get("passwordChangeRequired").asBoolean()).isTrue();
		assertThat(signIn("Secret#2024").status()).isEqualTo(401);
		String token = signIn("Temporary#1").json().get("token").asString();
		assertThat(this.api.get("/api/v1/users", token).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
	}

	@Test
	void aDeactivatedAccountIsRefusedAndAnActivatedOneSignsInAgain() {
		this.api.post("/api/v1/users/" + this.id + "/deactivate", this.sysadmin, "{}");
		assertThat(signIn("Secret#2024").code()).isEqualTo("ACCOUNT_DISABLED");

		this.api.post("/api/v1/users/" + this.id + "/activate", this.sysadmin, "{}");
		assertThat(signIn("Secret#2024").status()).isEqualTo(200);
	}

	@Test
	void deactivatingAnAccountEndsItsPageSessionsAndTokensAtOnce() {
		PageSession browser = new PageSession(this.port);
		browser.signIn(this.username, "Secret#2024");
		// The password the administrator chose must be changed first: its form is what
		// the signed-in account may open.
		assertThat(browser.get("/account/password").status()).isEqualTo(200);
		String token = signIn("Secret#2024").json().get("token").asString();

		this.api.post("/api/v1/users/" + this.id + "/deactivate", this.sysadmin, "{}");

		assertThat(browser.get("/account/password").status()).isEqualTo(302);
		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void aPasswordResetEndsTheSessionsSignedInWithTheOldPassword() {
		PageSession browser = new PageSession(this.port);
		browser.signIn(this.username, "Secret#2024");

		this.api.post("/api/v1/users/" + this.id + "/reset-password", this.sysadmin,
				Map.of("newPassword", "Temporary#1"));

		assertThat(browser.get("/home").status()).isEqualTo(302);
	}

	@Test
	void onlyTheSystemAdministratorAdministersAccounts() {
		for (String user : new String[] { "dept", "auditor", "jlu-admin" }) {
			String token = this.api.token(user);
			assertThat(this.api.post("/api/v1/users/" + this.id + "/deactivate", token, "{}").status()).as(user)
				.isEqualTo(403);
			assertThat(this.api
				.post("/api/v1/users/" + this.id + "/reset-password", token, Map.of("newPassword", "Temporary#1"))
				.status()).as(user).isEqualTo(403);
		}
		assertThat(signIn("Secret#2024").status()).isEqualTo(200);
	}

	private Response signIn(String password) {
		return this.api.post("/api/v1/auth/token", null, Map.of("username", this.username, "password", password));
	}

}
