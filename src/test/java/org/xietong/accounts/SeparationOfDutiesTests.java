package org.xietong.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 三权分立 against a system administrator who tries to become someone else: audit
 * administrators are out of its reach, enterprise contacts and teachers come only from
 * their organisations, and the auditors hear of every change to a privileged account.
 */
@PlatformTest
class SeparationOfDutiesTests {

	@LocalServerPort
	int port;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String sysadmin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.sysadmin = this.api.token("sysadmin");
	}

	@Test
	void theSystemAdministratorCannotCreateAnAuditAdministrator() {
		String username = Samples.unique("auditor");

		Response refused = this.api.post("/api/v1/users", this.sysadmin, account(username, "AUDIT_ADMIN"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("ROLE_NOT_ASSIGNABLE");
		assertThat(exists(username)).isFalse();
		assertThat(this.jdbc.sql("""
				SELECT actor || ' ' || subject_id FROM audit_entries WHERE action = 'PERMISSION_DENIED'
				ORDER BY id DESC LIMIT 1""").query(String.class).single()).isEqualTo("sysadmin POST /api/v1/users");
	}

	@Test
	void theSystemAdministratorCannotResetDeactivateUnlockOrReactivateAnAuditAdministrator() {
		String auditor = idOf("auditor");

		for (String action : new String[] { "reset-password", "deactivate", "activate", "unlock" }) {
			Response refused = this.api.post("/api/v1/users/" + auditor + "/" + action, this.sysadmin,
					Map.of("newPassword", "Takeover#2024"));
			assertThat(refused.status()).as(action).isEqualTo(403);
			assertThat(refused.code()).as(action).isEqualTo("ACCOUNT_NOT_MANAGEABLE");
		}

		assertThat(this.api.token("auditor")).isNotBlank();
		assertThat(this.api.post("/api/v1/auth/token", null, Map.of("username", "auditor", "password", "Takeover#2024"))
			.status()).isEqualTo(401);
	}

	@Test
	void theSystemAdministratorCannotCreateEnterpriseContactsNorTeachers() {
		UUID enterprise = this.jdbc.sql("SELECT organization_id FROM users WHERE username = 'ent-auto'")
			.query(UUID.class)
			.single();
		UUID university = this.jdbc.sql("SELECT organization_id FROM users WHERE username = 'jlu-admin'")
			.query(UUID.class)
			.single();
		String contact = Samples.unique("contact");
		String teacher = Samples.unique("teacher");

		Response refusedContact = this.api.post("/api/v1/users", this.sysadmin,
				account(contact, "ENTERPRISE_CONTACT", enterprise));
		Response refusedTeacher = this.api.post("/api/v1/users", this.sysadmin,
				account(teacher, "TEACHER", university));

		assertThat(refusedContact.status()).isEqualTo(403);
		assertThat(refusedContact.code()).isEqualTo("ROLE_NOT_ASSIGNABLE");
		assertThat(refusedTeacher.status()).isEqualTo(403);
		assertThat(refusedTeacher.code()).isEqualTo("ROLE_NOT_ASSIGNABLE");
		assertThat(exists(contact)).isFalse();
		assertThat(exists(teacher)).isFalse();
	}

	@Test
	void theAccountPageRefusesAnAuditAdministratorFromTheSystemAdministrator() {
		PageSession browser = new PageSession(this.port);
		browser.signIn("sysadmin", Api.DEMO_PASSWORD);
		String username = Samples.unique("auditor");

		Response refused = browser.post("/admin/users/new", "/admin/users/new",
				Map.of("username", username, "displayName", "假审计员", "role", "AUDIT_ADMIN", "organizationId",
						this.organizations.departmentId().toString(), "password", "Secret#2024"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(exists(username)).isFalse();
	}

	@Test
	void anAuditAdministratorCreatesAnotherAuditAdministratorAndNothingElse() {
		String auditor = this.api.token("auditor");
		String colleague = Samples.unique("auditor");
		String officer = Samples.unique("officer");

		Response created = this.api.post("/api/v1/users", auditor, account(colleague, "AUDIT_ADMIN"));
		Response refused = this.api.post("/api/v1/users", auditor, account(officer, "DEPARTMENT_OFFICER"));
		Response refusedReset = this.api.post("/api/v1/users/" + idOf("dept") + "/reset-password", auditor,
				Map.of("newPassword", "Takeover#2024"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("passwordChangeRequired").asBoolean()).isTrue();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("ROLE_NOT_ASSIGNABLE");
		assertThat(refusedReset.status()).isEqualTo(403);
		assertThat(refusedReset.code()).isEqualTo("ACCOUNT_NOT_MANAGEABLE");
		assertThat(exists(officer)).isFalse();
		assertThat(this.api.token("dept")).isNotBlank();
	}

	@Test
	void anAuditAdministratorCreatesAnotherOnTheAccountsPageWhoChoosesItsPasswordByLink() {
		PageSession browser = new PageSession(this.port);
		browser.signIn("auditor", Api.DEMO_PASSWORD);
		String username = Samples.unique("auditor");

		Response form = browser.page("/admin/users/new");
		Response created = browser.post("/admin/users/new", "/admin/users/new",
				Map.of("username", username, "displayName", "新审计员", "role", "AUDIT_ADMIN", "organizationId",
						this.organizations.departmentId().toString(), "email", username + "@example.gov.cn", "password",
						""));

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"AUDIT_ADMIN\"").doesNotContain("value=\"DEPARTMENT_OFFICER\"");
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).contains("/admin/users/" + idOf(username));
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM mail_outbox WHERE message_key = 'mail.PASSWORD_SETUP'
				AND recipient_id = (SELECT id FROM users WHERE username = :u AND role = 'AUDIT_ADMIN')""")
			.param("u", username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPasswordChosenByTheSystemAdministratorServesOnlyToChooseANewOne() {
		String username = Samples.unique("officer");
		this.api.post("/api/v1/users", this.sysadmin, account(username, "DEPARTMENT_OFFICER"));

		String token = this.api.token(username, "Secret#2024");

		assertThat(this.api.get("/api/v1/batches", token).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		assertThat(this.api.get("/api/v1/me", token).json().get("passwordChangeRequired").asBoolean()).isTrue();
	}

	@Test
	void everyChangeToAPrivilegedAccountReachesTheAuditAdministratorsInbox() throws InterruptedException {
		String username = Samples.unique("officer");
		String id = this.api.post("/api/v1/users", this.sysadmin, account(username, "DEPARTMENT_OFFICER"))
			.json()
			.get("id")
			.asString();
		this.api.post("/api/v1/users/" + id + "/reset-password", this.sysadmin, Map.of("newPassword", "Temporary#1"));
		this.api.post("/api/v1/users/" + id + "/deactivate", this.sysadmin, "{}");
		this.api.post("/api/v1/users/" + id + "/activate", this.sysadmin, "{}");

		assertThat(awaitAuditorMessages(username, 4)).containsExactlyInAnyOrder("inbox.PRIVILEGED_ACCOUNT_CREATED",
				"inbox.PRIVILEGED_ACCOUNT_RESET", "inbox.PRIVILEGED_ACCOUNT_DEACTIVATED",
				"inbox.PRIVILEGED_ACCOUNT_ACTIVATED");
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries WHERE subject_id = :id
				AND action IN ('USER_CREATED', 'PASSWORD_RESET', 'USER_DEACTIVATED', 'USER_ACTIVATED')""")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	private java.util.List<String> awaitAuditorMessages(String username, int expected) throws InterruptedException {
		String auditor = this.api.token("auditor");
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		java.util.List<String> keys = java.util.List.of();
		while (System.nanoTime() < deadline) {
			keys = this.api.get("/api/v1/me/notifications?size=200", auditor)
				.json()
				.get("items")
				.values()
				.stream()
				.filter(message -> message.get("arguments")
					.values()
					.stream()
					.anyMatch(a -> a.asString().equals(username)))
				.map(message -> message.get("key").asString())
				.toList();
			if (keys.size() >= expected) {
				break;
			}
			Thread.sleep(200);
		}
		return keys;
	}

	private Map<String, Object> account(String username, String role) {
		return account(username, role, this.organizations.departmentId());
	}

	private Map<String, Object> account(String username, String role, UUID organization) {
		return Map.of("username", username, "password", "Secret#2024", "displayName", "新账号", "role", role,
				"organizationId", organization.toString(), "email", username + "@example.gov.cn");
	}

	private String idOf(String username) {
		return this.jdbc.sql("SELECT id FROM users WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private boolean exists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

}
