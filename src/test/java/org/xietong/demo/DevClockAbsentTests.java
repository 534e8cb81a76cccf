package org.xietong.demo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PostgresInitializer;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the demo profile the clock cannot be moved: the path does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "xietong.bootstrap.admin-password=Bootstrap#2024")
@ContextConfiguration(initializers = PostgresInitializer.class)
class DevClockAbsentTests {

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	OrganizationManagement organizations;

	Api api;

	String officer;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.officer = "prod-officer-" + System.nanoTime();
		this.users.create(NewUser.of(this.officer, "Secret#2024", "处员", Role.DEPARTMENT_OFFICER,
				this.organizations.departmentId()));
	}

	@Test
	void theDevClockAnswers404EvenToTheDepartmentOfficer() {
		String token = this.api.token(this.officer, "Secret#2024");

		Response read = this.api.get("/api/v1/dev/clock", token);
		Response move = this.api.post("/api/v1/dev/clock", token, Map.of("advance", "P8D"));

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.code()).isEqualTo("NOT_FOUND");
		assertThat(move.status()).isEqualTo(404);
	}

	@Test
	void theDevClockAnswers404ToAnonymousCallersToo() {
		assertThat(this.api.get("/api/v1/dev/clock", null).status()).isEqualTo(404);
	}

}
