package org.xietong.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that PostgreSQL cannot store or that a lenient parser would bend: refused with a
 * problem that names the field, before anything is written.
 */
@PlatformTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void refusesANulInAJsonFieldNamingItsPath() {
		long before = enterprises();
		Map<String, Object> body = Samples.registration(Samples.unique("nul"), LocalDate.of(2010, 1, 1));
		body.put("name", "坏\u0000公司");

		Response refused = this.api.post("/api/v1/enterprises", null, body);

		assertValidationFailed(refused, "name");
		body.put("name", "好公司");
		body.put("contact", Map.of("name", "李\u0000四", "phone", "0431-88905350", "email", "c@example.com"));
		assertValidationFailed(this.api.post("/api/v1/enterprises", null, body), "contact.name");
		assertThat(enterprises()).isEqualTo(before);
	}

	@Test
	void refusesALoneSurrogateInJson() {
		Map<String, Object> body = Samples.registration(Samples.unique("surrogate"), LocalDate.of(2010, 1, 1));
		String json = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.writeValueAsString(body)
			.replace("\"张三\"", "\"张\\ud800\"");

		assertValidationFailed(this.api.post("/api/v1/enterprises", null, json), "legalRepresentative");
	}

	@Test
	void refusesNumbersAndBooleansForTextAndNumbersForEnums() {
		Map<String, Object> body = Samples.registration(Samples.unique("types"), LocalDate.of(2010, 1, 1));
		body.put("industry", 12);
		assertValidationFailed(this.api.post("/api/v1/enterprises", null, body), "industry");
		body.put("industry", "人工智能");
		body.put("address", true);
		assertValidationFailed(this.api.post("/api/v1/enterprises", null, body), "address");

		String dept = this.api.token("dept");
		Response enumFromNumber = this.api.post("/api/v1/notices", dept,
				Map.of("kind", 0, "batchId", "00000000-0000-0000-0000-000000000001", "title", "t", "body", "b"));
		assertValidationFailed(enumFromNumber, "kind");
	}

	@Test
	void refusesAFractionalVersion() {
		String dept = this.api.token("dept");
		Response refused = this.api.put("/api/v1/calendar/2031", dept,
				Map.of("holidays", List.of(), "makeupWorkdays", List.of(), "version", 1.5));

		assertValidationFailed(refused, "version");
	}

	@Test
	void refusesDatesOutsideTheCenturiesWeServe() {
		for (String date : List.of("-999999999-01-01", "0000-01-01", "1899-12-31", "2101-01-01")) {
			Map<String, Object> body = Samples.registration(Samples.unique("date"), LocalDate.of(2010, 1, 1));
			body.put("foundedOn", date);
			assertValidationFailed(this.api.post("/api/v1/enterprises", null, body), "foundedOn");
		}
		String dept = this.api.token("dept");
		assertValidationFailed(this.api.get("/api/v1/calendar/working-days?from=0000-01-01&count=5", dept), "from");
	}

	@Test
	void refusesANulInAQueryParameter() {
		Response refused = this.api.get("/api/v1/guides?q=a%00b", null);

		assertValidationFailed(refused, "q");
	}

	@Test
	void refusesANulInASignInFormWithAPageInTheUsersLanguage() {
		PageSession browser = new PageSession(this.port);

		Response refused = browser.signIn("dept\u0000", "Demo@2024");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.body()).contains("不可接受的字符");
		Response tokenRefused = this.api.post("/api/v1/auth/token", null,
				Map.of("username", "de\u0000pt", "password", "x"));
		assertValidationFailed(tokenRefused, "username");
	}

	@Test
	void refusesBrokenMultipartAndMissingParts() {
		String ent = this.api.token("ent-auto");
		String enterpriseId = this.api.get("/api/v1/me", ent).json().get("organizationId").asString();
		String path = "/api/v1/enterprises/" + enterpriseId + "/documents";
		long documents = this.jdbc.sql("SELECT count(*) FROM enterprise_documents").query(Long.class).single();

		Response noBoundary = this.api.send(this.api.request(path, ent)
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString(
					"--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + "BUSINESS_LICENSE\r\n--x--\r\n")));
		assertThat(noBoundary.status()).isEqualTo(400);
		assertThat(noBoundary.code()).isEqualTo("MALFORMED_REQUEST");

		Response truncated = this.api.send(this.api.request(path, ent)
			.header("Content-Type", "multipart/form-data; boundary=x")
			.POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"; "
					+ "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc")));
		assertThat(truncated.status()).isEqualTo(400);
		assertThat(truncated.code()).isEqualTo("MALFORMED_REQUEST");

		Response missingFile = this.api.send(this.api.request(path, ent)
			.header("Content-Type", "multipart/form-data; boundary=x")
			.POST(HttpRequest.BodyPublishers.ofString(
					"--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + "BUSINESS_LICENSE\r\n--x--\r\n")));
		assertValidationFailed(missingFile, "file");

		Response nulName = this.api.upload(path, ent, Map.of("kind", "BUSINESS_LICENSE"), "licence\u0000.pdf",
				Samples.pdf());
		assertValidationFailed(nulName, "filename");
		assertThat(this.jdbc.sql("SELECT count(*) FROM enterprise_documents").query(Long.class).single())
			.isEqualTo(documents);
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFound() {
		Response api = this.api.get("/error", null);
		Response page = new PageSession(this.port).page("/error");

		assertThat(api.status()).isEqualTo(404);
		assertThat(page.status()).isEqualTo(404);
	}

	@Test
	void percentUnderscoreAndBackslashAreLiteralInSearches() {
		String dept = this.api.token("dept");
		String sysadmin = this.api.token("sysadmin");
		String jluAdmin = this.api.token("jlu-admin");
		String universityId = this.api.get("/api/v1/me", jluAdmin).json().get("organizationId").asString();
		for (String q : List.of("%", "_", "\\")) {
			String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
			assertOnlyMatches(this.api.get("/api/v1/enterprises?q=" + encoded, dept), q, "name", "creditCode");
			assertOnlyMatches(this.api.get("/api/v1/experts?q=" + encoded, dept), q, "displayName", "username");
			assertOnlyMatches(this.api.get("/api/v1/users?q=" + encoded, sysadmin), q, "displayName", "username");
			assertOnlyMatches(this.api.get("/api/v1/universities/" + universityId + "/teachers?q=" + encoded, jluAdmin),
					q, "displayName", "username");
			assertOnlyMatches(this.api.get("/api/v1/guides?q=" + encoded, null), q, "title", "description");
		}
		assertThat(new PageSession(this.port).page("/catalogue?q=%25").status()).isEqualTo(200);
	}

	@Test
	void percentAndUnderscoreAreLiteralOnTheEnterprisesPage() {
		PageSession dept = new PageSession(this.port);
		dept.signIn("dept", Api.DEMO_PASSWORD);

		assertThat(dept.page("/enterprises?q=" + URLEncoder.encode("启明", StandardCharsets.UTF_8)).body())
			.contains("吉林启明教育科技有限公司");
		for (String q : List.of("%", "_")) {
			Response page = dept.page("/enterprises?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("吉林启明教育科技有限公司");
		}
	}

	@Test
	void theDemoClockStaysWithinTheCenturyWeServe() {
		String dept = this.api.token("dept");
		String before = this.api.get("/api/v1/dev/clock", dept).json().get("instant").asString();

		assertValidationFailed(this.api.post("/api/v1/dev/clock", dept, Map.of("advance", "P99999999999D")), "advance");
		assertValidationFailed(this.api.post("/api/v1/dev/clock", dept, Map.of("advance", "P40000D")), "advance");
		assertValidationFailed(this.api.post("/api/v1/dev/clock", dept, Map.of("advance", "-P40000D")), "advance");
		assertValidationFailed(this.api.post("/api/v1/dev/clock", dept, Map.of("instant", "1999-12-31T23:59:59Z")),
				"instant");
		assertValidationFailed(
				this.api.post("/api/v1/dev/clock", dept, Map.of("instant", "+999999999-12-31T23:59:59Z")), "instant");

		String after = this.api.get("/api/v1/dev/clock", dept).json().get("instant").asString();
		assertThat(after.substring(0, 13)).isEqualTo(before.substring(0, 13));
	}

	@Test
	void publishingTheCompletionsOfABatchThatDoesNotExistIsNotFound() {
		Response refused = this.api.post("/api/v1/batches/" + java.util.UUID.randomUUID() + "/completions/publish",
				this.api.token("dept"), Map.of());

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.code()).isEqualTo("NOT_FOUND");
	}

	private static void assertOnlyMatches(Response response, String q, String... fields) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		for (JsonNode item : response.json().get("items")) {
			assertThat(List.of(fields).stream().map(field -> item.path(field).asString()))
				.as("an item that %s matched", q)
				.anyMatch(value -> value.contains(q));
		}
	}

	private static void assertValidationFailed(Response response, String field) {
		assertThat(response.status()).as(response.toString()).isIn(400, 422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.json().path("errors").values().stream().map(error -> error.path("field").asString()))
			.as(response.toString())
			.contains(field);
	}

	private long enterprises() {
		return this.jdbc.sql("SELECT count(*) FROM enterprises").query(Long.class).single();
	}

}
