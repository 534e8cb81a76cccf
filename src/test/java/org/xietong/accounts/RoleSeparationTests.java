package org.xietong.accounts;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/** 三权分立: each department role does its own work and is refused the others'. */
@PlatformTest
class RoleSeparationTests {

	@LocalServerPort
	int port;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void theSystemAdministratorCreatesAccountsButCannotReadTheAuditTrail() {
		String sysadmin = this.api.token("sysadmin");

		Response created = this.api.post("/api/v1/users", sysadmin, newOfficer("officer-" + System.nanoTime()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("DEPARTMENT_OFFICER");
		assertThat(created.json().has("password")).isFalse();
		assertThat(created.json().has("passwordHash")).isFalse();

		assertThat(this.api.get("/api/v1/audit", sysadmin).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit/verify", sysadmin).status()).isEqualTo(403);
	}

	@Test
	void theAuditAdministratorReadsTheTrailAndChangesNothing() {
		String auditor = this.api.token("auditor");

		assertThat(this.api.get("/api/v1/audit", auditor).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/audit/verify", auditor).status()).isEqualTo(200);

		String username = "officer-" + System.nanoTime();
		Response refused = this.api.post("/api/v1/users", auditor, newOfficer(username));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("ROLE_NOT_ASSIGNABLE");
		assertThat(this.api.post("/api/v1/universities", auditor, Map.of("name", "某大学", "code", "4122099999")).status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/v1/dev/clock", auditor, Map.of("advance", "P1D")).status()).isEqualTo(403);
		assertThat(usernameExists(username)).isFalse();
	}

	@Test
	void theDepartmentOfficerCannotManageAccountsNorReadTheTrail() {
		String dept = this.api.token("dept");
		String username = "officer-" + System.nanoTime();

		assertThat(this.api.post("/api/v1/users", dept, newOfficer(username)).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/users", dept).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit", dept).status()).isEqualTo(403);
		assertThat(usernameExists(username)).isFalse();
	}

	@Test
	void teachersAndEnterprisesCannotCreateUniversitiesOrAccounts() {
		for (String user : new String[] { "jlu-teacher1", "ent-auto", "jlu-admin", "expert-pool" }) {
			String token = this.api.token(user);
			assertThat(
					this.api.post("/api/v1/universities", token, Map.of("name", "某大学", "code", "4122099998")).status())
				.as(user)
				.isEqualTo(403);
			assertThat(this.api.post("/api/v1/users", token, newOfficer("x-" + System.nanoTime())).status()).as(user)
				.isEqualTo(403);
		}
	}

	@Test
	void everyRefusalIsAudited() {
		String sysadmin = this.api.token("sysadmin");
		long before = deniedCount();

		this.api.get("/api/v1/audit", sysadmin);

		assertThat(deniedCount()).isEqualTo(before + 1);
		String subject = this.jdbc
			.sql("SELECT subject_id FROM audit_entries WHERE action = 'PERMISSION_DENIED' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single();
		assertThat(subject).isEqualTo("GET /api/v1/audit");
	}

	@Test
	void aDepartmentRoleCannotBeGivenToAUniversityAccount() {
		String sysadmin = this.api.token("sysadmin");
		var university = this.organizations.createUniversity("测试学院" + System.nanoTime() % 100000,
				String.valueOf(4100000000L + System.nanoTime() % 99999999L));

		Response refused = this.api.post("/api/v1/users", sysadmin,
				Map.of("username", "mix-" + System.nanoTime(), "password", "Secret#2024", "displayName", "混合", "role",
						"DEPARTMENT_OFFICER", "organizationId", university.id().toString()));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("ROLE_ORGANIZATION_MISMATCH");
	}

	private Map<String, Object> newOfficer(String username) {
		return Map.of("username", username, "password", "Secret#2024", "displayName", "新处员", "role",
				"DEPARTMENT_OFFICER", "organizationId", this.organizations.departmentId().toString());
	}

	private boolean usernameExists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	private long deniedCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'PERMISSION_DENIED'")
			.query(Long.class)
			.single();
	}

}
