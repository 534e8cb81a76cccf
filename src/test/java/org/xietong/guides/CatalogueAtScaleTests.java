package org.xietong.guides;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;
import org.xietong.shared.MovableClock;
import org.xietong.shared.PageResult;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue with the national programme's scale in one batch: fifty thousand
 * published guides, searched, filtered, ordered and paged deep, each page well under a
 * second on the test's PostgreSQL.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueAtScaleTests {

	private static final int GUIDES = 50_000;

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuideCatalogue catalogue;

	UUID batchId;

	@BeforeAll
	void fiftyThousandPublishedGuides() {
		this.batchId = new GuideFixtures(new Api(this.port), this.batches, this.clock).openBatch().id();
		UUID enterprise = this.jdbc.sql("SELECT organization_id FROM users WHERE username = 'ent-cloud'")
			.query(UUID.class)
			.single();
		String[] types = { "NEW_DISCIPLINES", "CURRICULUM", "TEACHER_TRAINING", "INNOVATION_EDUCATION",
				"INNOVATION_FUND" };
		for (int t = 0; t < types.length; t++) {
			this.jdbc.sql("""
					INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction,
					  industry, description, requirements, projects_offered, cash_per_project,
					  hardware_software_per_project, contact_name, contact_phone, contact_email, status, search_text,
					  created_at, updated_at, published_at, version)
					SELECT gen_random_uuid(), :batch, :enterprise, '规模企业' || (n % 400), :type, '规模指南 ' || n,
					  '人工智能', '汽车', '第 ' || n || ' 项的简介', '要求', 1 + n % 5, 20000 + (n % 1000) * 100, 0,
					  '联系人', '13800000000', 'scale@example.com', 'PUBLISHED',
					  LOWER('规模指南 ' || n || chr(10) || '规模企业' || (n % 400) || chr(10) || '第 ' || n || ' 项的简介'),
					  now() - n * interval '1 second', now(), now(), 0
					FROM generate_series(:from, :to) AS n""")
				.param("batch", this.batchId)
				.param("enterprise", enterprise)
				.param("type", types[t])
				.param("from", t * (GUIDES / types.length) + 1)
				.param("to", (t + 1) * (GUIDES / types.length))
				.update();
		}
		this.jdbc.sql("ANALYZE guides").update();
	}

	@Test
	void pagesDeepIntoTheNewestOrderQuickly() {
		PageResult<GuideView> page = timed(
				() -> this.catalogue.search(query(null, null, null, GuideSort.NEWEST), 249, 200));

		assertThat(page.total()).isEqualTo(GUIDES);
		assertThat(page.items()).hasSize(200);
	}

	@Test
	void ordersByCashWithinATypeQuickly() {
		PageResult<GuideView> page = timed(() -> this.catalogue
			.search(query(ProjectType.TEACHER_TRAINING, Money.yuan(100_000), null, GuideSort.CASH), 3, 50));

		assertThat(page.total()).isEqualTo(2_000);
		assertThat(page.items()).hasSize(50)
			.allSatisfy(guide -> assertThat(guide.type()).isEqualTo(ProjectType.TEACHER_TRAINING))
			.isSortedAccordingTo((a, b) -> b.cashPerProject().compareTo(a.cashPerProject()));
		assertThat(page.items().get(49).cashPerProject()).isGreaterThanOrEqualTo(Money.yuan(100_000));
	}

	@Test
	void searchesTheTextOfFiftyThousandGuidesQuickly() {
		PageResult<GuideView> page = timed(
				() -> this.catalogue.search(query(null, null, "规模指南 4242", GuideSort.TITLE), 0, 20));

		assertThat(page.items().stream().map(GuideView::title)).hasSize(11).first().isEqualTo("规模指南 4242");
	}

	private GuideQuery query(ProjectType type, Money minCash, String text, GuideSort sort) {
		return GuideQuery.published().filter(this.batchId, null, type, null, null, null, minCash, text, sort);
	}

	private static <T> T timed(Supplier<T> search) {
		search.get();
		long started = System.nanoTime();
		T result = search.get();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		return result;
	}

}
