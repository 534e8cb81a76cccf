package org.xietong.web;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API refusal is RFC 9457 problem+json with a stable code, and changes nothing. */
@PlatformTest
class ProblemDetailsTests {

	@LocalServerPort
	int port;

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
	void validationListsEveryFieldAndSavesNothing() {
		long users = count();

		Response refused = this.api.post("/api/v1/users", this.sysadmin,
				Map.of("username", "x", "password", "short", "displayName", "", "role", "UNIVERSITY_ADMIN"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("status").asInt()).isEqualTo(422);
		assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("errors").values().stream().map(e -> e.get("field").asString())).contains("username",
				"password", "displayName", "organizationId");
		assertThat(problem.get("errors").values().stream().map(e -> e.get("code").asString()))
			.contains("INVALID_USERNAME", "PASSWORD_TOO_SHORT", "REQUIRED", "ROLE_ORGANIZATION_MISMATCH");
		problem.get("errors").forEach(error -> assertThat(error.get("message").asString()).isNotBlank());
		assertThat(count()).isEqualTo(users);
	}

	@Test
	void speaksEnglishWhenAskedAndChineseOtherwise() {
		Response chinese = this.api.get("/api/v1/audit", this.sysadmin);
		Response english = this.api
			.send(this.api.request("/api/v1/audit", this.sysadmin).header("Accept-Language", "en-US,en;q=0.9").GET());

		assertThat(chinese.json().get("detail").asString()).isEqualTo("您的角色无权进行此操作。");
		assertThat(english.json().get("detail").asString()).isEqualTo("Your role may not do this.");
		assertThat(english.code()).isEqualTo(chinese.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void malformedJsonIsA400() {
		Response refused = this.api.post("/api/v1/users", this.sysadmin, "{\"username\": ");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("MALFORMED_REQUEST");
	}

	@Test
	void anUnknownPathIsA404Problem() {
		Response missing = this.api.get("/api/v1/no-such-thing", this.sysadmin);

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void anUnknownIdIsA404Problem() {
		Response missing = this.api.get("/api/v1/users/00000000-0000-0000-0000-00000000abcd", this.sysadmin);

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void aWrongMethodIsA405Problem() {
		Response refused = this.api
			.send(this.api.request("/api/v1/me", this.sysadmin).method("PATCH", HttpRequest.BodyPublishers.noBody()));

		assertThat(refused.status()).isEqualTo(405);
		assertThat(refused.code()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void aBadParameterTypeNamesTheParameter() {
		Response refused = this.api.get("/api/v1/users?page=first", this.sysadmin);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
	}

	@Test
	void neverShowsAStackTrace() {
		Response refused = this.api.post("/api/v1/users", this.sysadmin, "[1, 2");

		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

}
