package org.xietong.guides;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep pages of the catalogue by keyset: {@code next} and {@code after} walk every order
 * through the same guides as the numbered pages, ties included, and a cursor that this
 * server did not write for the order is refused as a problem.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueCursorTests {

	private static final int GUIDES = 230;

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	UUID batchId;

	@BeforeAll
	void publishedGuidesWithTiedKeys() {
		this.api = new Api(this.port);
		this.batchId = new GuideFixtures(this.api, this.batches, this.clock).openBatch().id();
		UUID enterprise = this.jdbc.sql("SELECT organization_id FROM users WHERE username = 'ent-cloud'")
			.query(UUID.class)
			.single();
		// Ten guides share each instant, cash and title: only the id breaks the ties.
		this.jdbc.sql("""
				INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction,
				  industry, description, requirements, projects_offered, cash_per_project,
				  hardware_software_per_project, contact_name, contact_phone, contact_email, status, search_text,
				  created_at, updated_at, published_at, version)
				SELECT gen_random_uuid(), :batch, :enterprise, '游标企业', 'CURRICULUM', '游标指南 ' || (n / 10),
				  '人工智能', '汽车', '简介', '要求', 1, 20000 + (n / 10 % 3) * 1000, 0, '联系人', '13800000000',
				  'cursor@example.com', 'PUBLISHED', LOWER('游标指南 ' || (n / 10) || chr(10) || '游标企业' || chr(10) || '简介'),
				  TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00.123456+00' + (n / 10) * interval '1 microsecond',
				  now(), now(), 0
				FROM generate_series(0, :guides - 1) AS n""")
			.param("batch", this.batchId)
			.param("enterprise", enterprise)
			.param("guides", GUIDES)
			.update();
	}

	@Test
	void cursorsWalkEveryOrderThroughTheSameGuidesAsNumberedPages() {
		for (String sort : List.of("newest", "cash", "title")) {
			List<String> byNumber = new ArrayList<>();
			for (int page = 0; page * 17 < GUIDES; page++) {
				byNumber.addAll(ids(list("&sort=" + sort + "&size=17&page=" + page).get("items")));
			}
			List<String> byCursor = new ArrayList<>();
			JsonNode answer = list("&sort=" + sort + "&size=17");
			byCursor.addAll(ids(answer.get("items")));
			while (!answer.get("next").isNull()) {
				assertThat(answer.get("total").asLong()).isEqualTo(GUIDES);
				answer = list("&sort=" + sort + "&size=17&after=" + encode(answer.get("next").asString()));
				byCursor.addAll(ids(answer.get("items")));
			}

			assertThat(byNumber).as(sort).hasSize(GUIDES).doesNotHaveDuplicates();
			assertThat(byCursor).as(sort).isEqualTo(byNumber);
		}
	}

	@Test
	void theLastPageHasNoNextAndAFullLastPageNeedsNoEmptyOne() {
		JsonNode tenOfTen = list("&q=" + encode("游标指南 7") + "&size=10");

		assertThat(tenOfTen.get("items").size()).isEqualTo(10);
		assertThat(tenOfTen.get("next").isNull()).isTrue();
		assertThat(list("&q=" + encode("游标指南 7") + "&size=9").get("next").isNull()).isFalse();
		assertThat(list("&size=200&page=1").get("next").isNull()).isTrue();
	}

	@Test
	void aCursorOfAnotherOrderOrNotWrittenByTheServerIsRefusedAsAProblemAndChangesNothing() {
		String byCash = list("&sort=cash&size=5").get("next").asString();
		long guides = guides();
		String nulInside = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("t:" + UUID.randomUUID() + ":a\u0000b").getBytes(StandardCharsets.UTF_8));
		String farFuture = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("n:" + Long.MAX_VALUE + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
		String notAnId = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("n:1:not-a-uuid".getBytes(StandardCharsets.UTF_8));

		for (String hostile : List.of(encode(byCash) + "&sort=title", "!!!", encode("ab$%^&"), "%00", "a%00b",
				"A".repeat(5000), encode(nulInside), encode(farFuture), encode(notAnId), encode("\uD800"))) {
			Response refused = this.api.get("/api/v1/guides?batchId=" + this.batchId + "&after=" + hostile, null);

			assertThat(refused.status()).as(hostile + " " + refused).isBetween(400, 499);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.code()).as(refused.toString()).isNotBlank();
		}
		Response otherOrder = this.api
			.get("/api/v1/guides?batchId=" + this.batchId + "&sort=title&after=" + encode(byCash), null);
		assertThat(otherOrder.status()).isEqualTo(422);
		assertThat(otherOrder.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(otherOrder.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
		assertThat(otherOrder.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_CURSOR");
		assertThat(guides()).isEqualTo(guides);
		assertThat(list("&sort=cash&size=5&after=" + encode(byCash)).get("items").size()).isEqualTo(5);
	}

	@Test
	void theCataloguePagesNextLinkCarriesTheCursorAndABadCursorIsExplained() {
		Response first = this.api.get("/catalogue?batchId=" + this.batchId, null);
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("page=1[^\"]*&(?:amp;)?after=([A-Za-z0-9_-]+)")
			.matcher(first.body());
		assertThat(next.find()).as(first.body()).isTrue();

		Response second = this.api.get("/catalogue?batchId=" + this.batchId + "&page=1&after=" + next.group(1), null);
		Response bad = this.api.get("/catalogue?batchId=" + this.batchId + "&page=1&after=nonsense", null);

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).contains("游标指南 20").doesNotContain("游标指南 22");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("翻页位置无效");
	}

	private long guides() {
		return this.jdbc.sql("SELECT COUNT(*) FROM guides WHERE batch_id = :batch")
			.param("batch", this.batchId)
			.query(Long.class)
			.single();
	}

	private JsonNode list(String query) {
		Response answer = this.api.get("/api/v1/guides?batchId=" + this.batchId + query, null);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private static List<String> ids(JsonNode items) {
		return items.values().stream().map(item -> item.get("id").asString()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
