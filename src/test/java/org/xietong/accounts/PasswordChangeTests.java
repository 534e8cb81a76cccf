package org.xietong.accounts;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class PasswordChangeTests {

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
		this.username = "pw-" + System.nanoTime();
	}

	@Test
	void aUserChangesItsOwnPasswordAndSignsInWithTheNewOne() {
		create(false);
		String token = this.api.token(this.username, "Initial#2024");

		Response changed = this.api.post("/api/v1/me/password", token,
				Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"));

		assertThat(changed.status()).isEqualTo(204);
		assertThat(this.api.token(this.username, "Changed#2025")).isNotBlank();
		assertThat(
				this.api.post("/api/v1/auth/token", null, Map.of("username", this.username, "password", "Initial#2024"))
					.status())
			.isEqualTo(401);
	}

	@Test
	void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() {
		create(false);
		String token = this.api.token(this.username, "Initial#2024");

		Response wrong = this.api.post("/api/v1/me/password", token,
				Map.of("currentPassword", "Nope#2024", "newPassword", "weakweak"));

		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("errors").values().stream().map(e -> e.get("code").asString()))
			.containsExactlyInAnyOrder("WRONG_PASSWORD", "PASSWORD_TOO_WEAK");
		assertThat(this.api.token(this.username, "Initial#2024")).isNotBlank();
	}

	@Test
	void aPasswordSetByAnAdministratorMustBeChangedBeforeAnythingElse() {
		create(true);
		String token = this.api.token(this.username, "Initial#2024");

		Response blocked = this.api.get("/api/v1/users", token);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		assertThat(this.api.get("/api/v1/me", token).json().get("passwordChangeRequired").asBoolean()).isTrue();

		this.api.post("/api/v1/me/password", token,
				Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"));

		assertThat(this.api.get("/api/v1/users", token).status()).isEqualTo(200);
	}

	private void create(boolean mustChange) {
		this.users.create(new NewUser(this.username, "Initial#2024", "密码测试", Role.SYSTEM_ADMIN,
				this.organizations.departmentId(), null, null, null, mustChange));
	}

}
