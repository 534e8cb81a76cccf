package org.xietong.accounts;

import java.net.http.HttpRequest;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried or double-clicked POST with the same Idempotency-Key creates one thing. */
@PlatformTest
class IdempotencyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	Api api;

	String sysadmin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.sysadmin = this.api.token("sysadmin");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theSameKeyTwiceCreatesOneAccountAndAnswersTheSame() {
		String username = "idem-" + System.nanoTime();
		String key = "key-" + System.nanoTime();

		Response first = create(key, username);
		Response second = create(key, username);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(count(username)).isOne();
	}

	@Test
	void aKeyReusedForADifferentRequestIsRefused() {
		String key = "key-" + System.nanoTime();
		create(key, "idem-a-" + System.nanoTime());

		String other = "idem-b-" + System.nanoTime();
		Response refused = create(key, other);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(count(other)).isZero();
	}

	@Test
	void aRefusalIsRememberedTooSoThatARetryDoesNotChangeTheAnswer() {
		String key = "key-" + System.nanoTime();
		Response first = create(key, "x");
		Response second = create(key, "x");

		assertThat(first.status()).isEqualTo(422);
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.body()).isEqualTo(first.body());
	}

	@Test
	void theSameKeyFromAnotherUserIsItsOwn() {
		String key = "shared-key-" + System.nanoTime();
		Response mine = create(key, "idem-c-" + System.nanoTime());

		Response theirs = this.api.send(this.api.request("/api/v1/me/password", this.api.token("auditor"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"wrong\",\"newPassword\":\"x\"}")));

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(422);
		assertThat(theirs.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void aKeyIsFreeAgainAfter24Hours() {
		String key = "key-" + System.nanoTime();
		create(key, "idem-d-" + System.nanoTime());
		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		String sysadmin = this.api.token("sysadmin");

		String later = "idem-e-" + System.nanoTime();
		Response again = this.api.send(this.api.request("/api/v1/users", sysadmin)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body(later))));

		assertThat(again.status()).isEqualTo(201);
		assertThat(count(later)).isOne();
	}

	private Response create(String key, String username) {
		return this.api.send(this.api.request("/api/v1/users", this.sysadmin)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body(username))));
	}

	private String body(String username) {
		return JSON.writeValueAsString(Map.of("username", username, "password", "Secret#2024", "displayName", "幂等",
				"role", "DEPARTMENT_OFFICER", "organizationId", this.organizations.departmentId().toString()));
	}

	private long count(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
