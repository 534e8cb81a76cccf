package org.xietong.accounts;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.xietong.support.Samples;
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

	@Test
	void fiftyConcurrentSignedOutRegistrationsUnderOneKeyFromOneAddressRegisterOne() throws Exception {
		String key = "reg-" + System.nanoTime();
		String address = Api.someClientAddress();
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			usernames.add(Samples.unique("idem-ent"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Response> answers = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (String username : usernames) {
				futures.add(pool.submit(() -> {
					start.await();
					return register(address, key, username);
				}));
			}
			start.countDown();
			for (Future<Response> future : futures) {
				answers.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
		assertThat(answers.stream().filter(answer -> answer.status() != 201).map(a -> a.status() + " " + a.code()))
			.hasSize(49)
			.allMatch(answer -> answer.equals("409 IDEMPOTENT_REQUEST_IN_PROGRESS")
					|| answer.equals("422 IDEMPOTENCY_KEY_REUSED"));
		assertThat(usernames.stream().mapToLong(this::count).sum()).isOne();
	}

	@Test
	void aSignedOutClientsKeyReplaysItsAnswerRefusesAnotherBodyAndIsItsAddresssOwn() {
		String key = "reg-" + System.nanoTime();
		String address = Api.someClientAddress();
		String username = Samples.unique("idem-ent");
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));

		Response first = register(address, key, body);
		Response again = register(address, key, body);
		String other = Samples.unique("idem-ent");
		Response otherBody = register(address, key, other);
		String elsewhere = Samples.unique("idem-ent");
		Response otherAddress = register(Api.someClientAddress(), key, elsewhere);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(count(username)).isOne();
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(count(other)).isZero();
		assertThat(otherAddress.status()).isEqualTo(201);
		assertThat(otherAddress.header("Idempotent-Replayed")).isNull();
		assertThat(count(elsewhere)).isOne();
	}

	private Response register(String address, String key, String username) {
		return register(address, key, Samples.registration(username, LocalDate.of(2015, 1, 1)));
	}

	private Response register(String address, String key, Map<String, Object> body) {
		return this.api.send(this.api.request("/api/v1/enterprises", null)
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
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
