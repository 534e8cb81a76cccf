package org.xietong.accounts;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class AuthenticationTests {

	private static final String PASSWORD = "Secret#2024";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String username;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.username = "officer-" + System.nanoTime();
		this.users.create(NewUser.of(this.username, PASSWORD, "测试处员", Role.DEPARTMENT_OFFICER,
				this.organizations.departmentId()));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void issuesATokenThatIdentifiesTheUser() {
		Response answer = this.api.post("/api/v1/auth/token", null,
				Map.of("username", this.username, "password", PASSWORD));

		assertThat(answer.status()).isEqualTo(200);
		// Instants carry the platform's offset, as api.md writes them.
		assertThat(answer.json().get("expiresAt").asString()).endsWith("+08:00");
		String token = answer.json().get("token").asString();
		Response me = this.api.get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(this.username);
		assertThat(me.json().get("role").asString()).isEqualTo("DEPARTMENT_OFFICER");
		assertThat(me.json().get("organizationId").asString()).isEqualTo(this.organizations.departmentId().toString());
	}

	@Test
	void storesOnlyTheTokensHash() {
		String token = this.api.token(this.username, PASSWORD);

		long plain = this.jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single();
		long hashed = this.jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :hash")
			.param("hash", ApiTokens.hash(token))
			.query(Long.class)
			.single();
		assertThat(plain).isZero();
		assertThat(hashed).isOne();
	}

	@Test
	void aRevokedTokenNoLongerSignsIn() {
		String token = this.api.token(this.username, PASSWORD);

		assertThat(this.api.delete("/api/v1/auth/token", token).status()).isEqualTo(204);

		Response me = this.api.get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("INVALID_TOKEN");
	}

	@Test
	void aTokenExpiresAfterItsLifetime() {
		String token = this.api.token(this.username, PASSWORD);
		this.clock.advance(Duration.ofHours(11));
		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(200);

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));

		Response me = this.api.get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("INVALID_TOKEN");
	}

	@Test
	void aMadeUpTokenIsRefused() {
		Response me = this.api.get("/api/v1/me", "not-a-token");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void noTokenAnswers401AsAProblem() {
		Response me = this.api.get("/api/v1/me", null);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
		Response wrong = this.api.post("/api/v1/auth/token", null,
				Map.of("username", this.username, "password", "Wrong#2024"));
		Response unknown = this.api.post("/api/v1/auth/token", null,
				Map.of("username", "nobody-" + System.nanoTime(), "password", "Wrong#2024"));

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.code()).isEqualTo("BAD_CREDENTIALS");
		assertThat(unknown.json().get("detail").asString()).isEqualTo(wrong.json().get("detail").asString());
	}

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutes() {
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn("Wrong#2024").code()).isEqualTo("BAD_CREDENTIALS");
		}
		assertThat(signIn("Wrong#2024").code()).isEqualTo("ACCOUNT_LOCKED");

		// Even the right password is refused while the lock holds.
		assertThat(signIn(PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(signIn(PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(signIn(PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCount() {
		for (int i = 1; i <= 4; i++) {
			signIn("Wrong#2024");
		}
		assertThat(signIn(PASSWORD).status()).isEqualTo(200);
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn("Wrong#2024").code()).isEqualTo("BAD_CREDENTIALS");
		}
	}

	@Test
	void signInsLockoutsAndTokensAreAudited() {
		for (int i = 1; i <= 5; i++) {
			signIn("Wrong#2024");
		}
		this.clock.advance(Duration.ofMinutes(16));
		String token = this.api.token(this.username, PASSWORD);
		this.api.delete("/api/v1/auth/token", token);

		var actions = this.jdbc.sql("SELECT action FROM audit_entries WHERE actor = :actor ORDER BY id")
			.param("actor", this.username)
			.query(String.class)
			.list();
		assertThat(actions).containsSubsequence("LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_SUCCEEDED", "TOKEN_ISSUED",
				"TOKEN_REVOKED");
		assertThat(actions.stream().filter("LOGIN_FAILED"::equals).count()).isEqualTo(5);
	}

	@Test
	void aDeactivatedAccountCannotSignIn() {
		UserView user = this.users.findByUsername(this.username).orElseThrow();
		this.jdbc.sql("UPDATE users SET enabled = FALSE WHERE id = :id").param("id", user.id()).update();

		assertThat(signIn(PASSWORD).code()).isEqualTo("ACCOUNT_DISABLED");
	}

	private Response signIn(String password) {
		return this.api.post("/api/v1/auth/token", null, Map.of("username", this.username, "password", password));
	}

}
