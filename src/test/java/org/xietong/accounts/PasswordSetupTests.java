package org.xietong.accounts;

import java.time.Duration;
import java.time.OffsetDateTime;
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
 * An administrator never learns a password that lasts: an account it creates or resets
 * gets a one-time link by mail, or an initial password that serves once and expires.
 */
@PlatformTest
class PasswordSetupTests {

	@LocalServerPort
	int port;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String sysadmin;

	String username;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.sysadmin = this.api.token("sysadmin");
		this.username = Samples.unique("officer");
	}

	@Test
	void anAccountCreatedWithoutAPasswordGetsAOneTimeLinkWithWhichItsHolderChoosesOne() {
		String id = createWithoutPassword();
		String link = mailedLink(id);
		PageSession holder = new PageSession(this.port);

		assertThat(holder.page(link).status()).isEqualTo(200);
		Response weak = holder.post("/account/setup", link,
				Map.of("token", token(link), "newPassword", "weakweak", "confirmPassword", "weakweak"));
		assertThat(weak.status()).isEqualTo(422);
		Response set = holder.post("/account/setup", link,
				Map.of("token", token(link), "newPassword", "Chosen#2025", "confirmPassword", "Chosen#2025"));
		assertThat(set.status()).isEqualTo(302);
		assertThat(set.header("Location")).contains("/login");

		String token = this.api.token(this.username, "Chosen#2025");
		assertThat(this.api.get("/api/v1/me", token).json().get("passwordChangeRequired").asBoolean()).isFalse();
		Response again = this.api.post("/api/v1/auth/password-setup", null,
				Map.of("token", token(link), "newPassword", "Another#2026"));
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.code()).isEqualTo("SETUP_LINK_INVALID");
		assertThat(this.api.token(this.username, "Chosen#2025")).isNotBlank();
	}

	@Test
	void aSetupLinkServesThroughTheApiOnceAndExpiresAfter72Hours() {
		String id = createWithoutPassword();
		String link = mailedLink(id);
		OffsetDateTime[] times = this.jdbc
			.sql("SELECT created_at, expires_at FROM password_setup_links WHERE user_id = CAST(:id AS UUID)")
			.param("id", id)
			.query((rs,
					n) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
							rs.getObject(2, OffsetDateTime.class) })
			.single();
		assertThat(Duration.between(times[0], times[1])).isEqualTo(Duration.ofHours(72));

		this.jdbc
			.sql("UPDATE password_setup_links SET expires_at = created_at - INTERVAL '1 second' "
					+ "WHERE user_id = CAST(:id AS UUID)")
			.param("id", id)
			.update();
		Response expired = this.api.post("/api/v1/auth/password-setup", null,
				Map.of("token", token(link), "newPassword", "Chosen#2025"));

		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.code()).isEqualTo("SETUP_LINK_INVALID");
		assertThat(
				this.api.post("/api/v1/auth/token", null, Map.of("username", this.username, "password", "Chosen#2025"))
					.status())
			.isEqualTo(401);
	}

	@Test
	void anAccountWithNeitherPasswordNorEmailIsRefused() {
		Response refused = this.api.post("/api/v1/users", this.sysadmin, Map.of("username", this.username,
				"displayName", "处员", "role", "DEPARTMENT_OFFICER", "organizationId", department()));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("PASSWORD_OR_EMAIL_REQUIRED");
	}

	@Test
	void anInitialPasswordExpiresUnusedAfter72Hours() {
		Response created = this.api.post("/api/v1/users", this.sysadmin, Map.of("username", this.username, "password",
				"Initial#2024", "displayName", "处员", "role", "DEPARTMENT_OFFICER", "organizationId", department()));
		String id = created.json().get("id").asString();
		OffsetDateTime[] times = this.jdbc
			.sql("SELECT created_at, password_expires_at FROM users WHERE id = CAST(:id AS UUID)")
			.param("id", id)
			.query((rs,
					n) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
							rs.getObject(2, OffsetDateTime.class) })
			.single();
		assertThat(Duration.between(times[0], times[1])).isEqualTo(Duration.ofHours(72));

		this.jdbc
			.sql("UPDATE users SET password_expires_at = created_at - INTERVAL '1 second' "
					+ "WHERE id = CAST(:id AS UUID)")
			.param("id", id)
			.update();

		Response refused = this.api.post("/api/v1/auth/token", null,
				Map.of("username", this.username, "password", "Initial#2024"));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("INITIAL_PASSWORD_EXPIRED");
		Response page = new PageSession(this.port).signIn(this.username, "Initial#2024");
		assertThat(page.header("Location")).endsWith("/login?error=expired");
	}

	@Test
	void aResetWithoutAPasswordMailsALinkAndTheOldPasswordStopsWorking() {
		UUID id = this.users
			.create(new NewUser(this.username, "Initial#2024", "处员", Role.DEPARTMENT_OFFICER,
					this.organizations.departmentId(), this.username + "@example.gov.cn", null, null, false))
			.id();

		Response reset = this.api.post("/api/v1/users/" + id + "/reset-password", this.sysadmin, "{}");

		assertThat(reset.status()).isEqualTo(200);
		assertThat(
				this.api.post("/api/v1/auth/token", null, Map.of("username", this.username, "password", "Initial#2024"))
					.status())
			.isEqualTo(401);
		String link = mailedLink(id.toString());
		assertThat(this.api
			.post("/api/v1/auth/password-setup", null, Map.of("token", token(link), "newPassword", "Chosen#2025"))
			.status()).isEqualTo(204);
		assertThat(this.api.token(this.username, "Chosen#2025")).isNotBlank();
	}

	private String createWithoutPassword() {
		Response created = this.api.post("/api/v1/users", this.sysadmin,
				Map.of("username", this.username, "displayName", "处员", "role", "DEPARTMENT_OFFICER", "organizationId",
						department(), "email", this.username + "@example.gov.cn"));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String mailedLink(String userId) {
		return this.jdbc
			.sql("""
					SELECT link FROM mail_outbox WHERE recipient_id = CAST(:id AS UUID) AND message_key = 'mail.PASSWORD_SETUP'
					ORDER BY created_at DESC LIMIT 1""")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private String department() {
		return this.organizations.departmentId().toString();
	}

}
