package org.xietong.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform never loses its last active system administrator or audit administrator,
 * however many deactivations race. Each test sets the other administrators of the role
 * aside for its duration, so that "last" means what it says.
 */
@PlatformTest
class LastAdministratorTests {

	private static final String PASSWORD = "Admin#2024x";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcClient jdbc;

	Api api;

	List<UUID> setAside = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void restore() {
		if (!this.setAside.isEmpty()) {
			this.jdbc.sql("UPDATE users SET enabled = TRUE WHERE id IN (:ids)").param("ids", this.setAside).update();
		}
	}

	@Test
	void theOnlySystemAdministratorCannotDeactivateItself() {
		lastCannotDeactivateItself(Role.SYSTEM_ADMIN);
	}

	@Test
	void theOnlyAuditAdministratorCannotDeactivateItself() {
		lastCannotDeactivateItself(Role.AUDIT_ADMIN);
	}

	private void lastCannotDeactivateItself(Role role) {
		UUID only = administrator(role);
		setAsideAllBut(role, List.of(only));
		String token = this.api.token(username(only), PASSWORD);

		Response refused = this.api.post("/api/v1/users/" + only + "/deactivate", token, "{}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("LAST_ADMINISTRATOR");
		assertThat(enabled(only)).isTrue();
	}

	@Test
	void twoSystemAdministratorsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
		race(Role.SYSTEM_ADMIN);
	}

	@Test
	void twoAuditAdministratorsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
		race(Role.AUDIT_ADMIN);
	}

	private void race(Role role) throws Exception {
		UUID first = administrator(role);
		UUID second = administrator(role);
		setAsideAllBut(role, List.of(first, second));
		String firstToken = this.api.token(username(first), PASSWORD);
		String secondToken = this.api.token(username(second), PASSWORD);

		int requests = 50;
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> answers = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			boolean even = i % 2 == 0;
			answers.add(pool.submit(() -> {
				start.await();
				return this.api.post("/api/v1/users/" + (even ? second : first) + "/deactivate",
						even ? firstToken : secondToken, "{}");
			}));
		}
		start.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> answer : answers) {
			responses.add(answer.get());
		}
		pool.shutdown();

		assertThat(enabled(first) ^ enabled(second)).as("exactly one of the two stays active").isTrue();
		assertThat(responses).allSatisfy(response -> assertThat(response.status()).isIn(200, 401, 409));
		assertThat(responses).filteredOn(response -> response.status() == 409)
			.allSatisfy(response -> assertThat(response.code()).isEqualTo("LAST_ADMINISTRATOR"));
		assertThat(responses).filteredOn(response -> response.status() == 200).isNotEmpty();
	}

	private UUID administrator(Role role) {
		return this.users
			.create(new NewUser(Samples.unique("admin"), PASSWORD, "管理员", role, this.organizations.departmentId(), null,
					null, null, false))
			.id();
	}

	private void setAsideAllBut(Role role, List<UUID> kept) {
		this.setAside = this.jdbc.sql("SELECT id FROM users WHERE role = :role AND enabled AND id NOT IN (:kept)")
			.param("role", role.name())
			.param("kept", kept)
			.query(UUID.class)
			.list();
		if (!this.setAside.isEmpty()) {
			this.jdbc.sql("UPDATE users SET enabled = FALSE WHERE id IN (:ids)").param("ids", this.setAside).update();
		}
	}

	private String username(UUID id) {
		return this.jdbc.sql("SELECT username FROM users WHERE id = :id").param("id", id).query(String.class).single();
	}

	private boolean enabled(UUID id) {
		return this.jdbc.sql("SELECT enabled FROM users WHERE id = :id").param("id", id).query(Boolean.class).single();
	}

}
