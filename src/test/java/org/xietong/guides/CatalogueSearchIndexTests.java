package org.xietong.guides;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.shared.SqlWhere;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's text search through its gram index: four thousand published guides of
 * one batch whose texts share common words and hold a few rare ones. Every answer, walked
 * page by page with the {@code next} cursors, is exactly what the plain {@code LIKE} of
 * the search text finds, in the same order.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueSearchIndexTests {

	private static final int GUIDES = 4_000;

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Api api;

	UUID batchId;

	@BeforeAll
	void fourThousandPublishedGuides() {
		this.api = new Api(this.port);
		this.batchId = new GuideFixtures(this.api, this.batches, this.clock).openBatch().id();
		UUID enterprise = this.jdbc.sql("SELECT organization_id FROM users WHERE username = 'ent-cloud'")
			.query(UUID.class)
			.single();
		// Titles from a small vocabulary (common grams); 冰雪 in three guides only, and 冰 …
		// 雪 apart in others.
		this.jdbc.sql("""
				INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction,
				  industry, description, requirements, projects_offered, cash_per_project,
				  hardware_software_per_project, contact_name, contact_phone, contact_email, status, search_text,
				  created_at, updated_at, published_at, version)
				SELECT gen_random_uuid(), :batch, :enterprise, t.enterprise, 'CURRICULUM', t.title, '人工智能', '汽车',
				  t.description, '要求', 1, 20000 + (n % 7) * 1000, 0, '联系人', '13800000000', 'idx@example.com',
				  'PUBLISHED', LOWER(t.title || chr(10) || t.enterprise || chr(10) || t.description),
				  now() - (n % 997) * interval '1 second', now(), now(), 0
				FROM generate_series(1, :guides) AS n,
				  LATERAL (SELECT
				    CASE WHEN n IN (7, 1500, 3999) THEN '冰雪运动课程 ' || n
				      WHEN n % 500 = 3 THEN '冰川与雪原 ' || n
				      WHEN n % 400 = 5 THEN 'AI Lab 100%_\\ 实验 ' || n
				      ELSE (ARRAY['智能制造', '数字经济', '新能源汽车', '智慧农业'])[1 + n % 4] || '课程 ' || n END AS title,
				    CASE WHEN n % 500 = 4 THEN '索引企业冰' ELSE '索引企业' || (n % 50) END AS enterprise,
				    CASE WHEN n % 500 = 4 THEN '雪地装备的课程' ELSE '校企合作的项目，编号 ' || n END AS description) AS t
				""").param("batch", this.batchId).param("enterprise", enterprise).param("guides", GUIDES).update();
		this.jdbc.sql("ANALYZE guides").update();
	}

	@Test
	void aTwoCharacterChineseQueryFindsTheGuidesHoldingItAndNothingElse() {
		List<String> found = titles(walk("冰雪", "newest", 2));

		assertThat(found).containsExactlyInAnyOrder("冰雪运动课程 7", "冰雪运动课程 1500", "冰雪运动课程 3999");
		assertThat(walk("雪冰", "newest", 20)).isEmpty();
		assertThat(titles(walk("冰川", "title", 20))).hasSize(8)
			.allSatisfy(title -> assertThat(title).startsWith("冰川与雪原"));
	}

	@Test
	void everyQueryFindsExactlyWhatThePlainLikeFindsInTheSameOrder() {
		for (String q : List.of("冰雪", "冰", "雪", "智能", "课程", "的", "编号 12", "编号 1234", "AI LAB", "ai", "100%_", "%", "_",
				"\\", "b 1", "运动课", "冰\n雪", "規", "校企合作的项目，编号 3" + "0".repeat(80))) {
			for (String sort : List.of("newest", "cash", "title")) {
				List<String> expected = like(q, sort);
				assertThat(ids(walk(q, sort, 97))).as("q=%s sort=%s", q, sort).isEqualTo(expected);
			}
		}
		assertThat(like("课程", "newest")).hasSizeGreaterThan(GUIDES / 2);
	}

	@Test
	void aTwoCharacterQueryIsServedByTheGramIndex() {
		// Which index a small test batch's query takes depends on the shared database's
		// statistics; what must hold is that the grams of a two-character query are
		// answered by the gram index, with the table scan ruled out.
		List<String> plan = new TransactionTemplate(this.transactions).execute(status -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return this.jdbc.sql("EXPLAIN SELECT id FROM guides WHERE search_grams @> guide_query_grams(:grams)")
				.param("grams", "冰雪")
				.query(String.class)
				.list();
		});

		assertThat(String.join("\n", plan)).contains("guides_search_grams_idx");
	}

	private List<JsonNode> walk(String q, String sort, int size) {
		List<JsonNode> items = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Response page = this.api.get("/api/v1/guides?batchId=" + this.batchId + "&q=" + encode(q) + "&sort=" + sort
					+ "&size=" + size + ((after == null) ? "" : "&after=" + encode(after)), null);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().get("items").values().forEach(items::add);
			after = page.json().get("next").isNull() ? null : page.json().get("next").asString();
			assertThat(++pages).isLessThan(GUIDES);
		}
		while (after != null);
		return items;
	}

	/** The search as it was before the index: the plain LIKE, in the sort's order. */
	private List<String> like(String q, String sort) {
		String order = switch (sort) {
			case "cash" -> "cash_per_project DESC, created_at DESC, id DESC";
			case "title" -> "title, id";
			default -> "created_at DESC, id DESC";
		};
		return this.jdbc
			.sql("SELECT id FROM guides WHERE status = 'PUBLISHED' AND batch_id = :batch AND search_text LIKE :text "
					+ "ESCAPE '\\' ORDER BY " + order)
			.param("batch", this.batchId)
			.param("text", SqlWhere.containing(q.strip().toLowerCase(Locale.ROOT)))
			.query(String.class)
			.list();
	}

	private static List<String> titles(List<JsonNode> items) {
		return items.stream().map(item -> item.get("title").asString()).toList();
	}

	private static List<String> ids(List<JsonNode> items) {
		return items.stream().map(item -> item.get("id").asString()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
