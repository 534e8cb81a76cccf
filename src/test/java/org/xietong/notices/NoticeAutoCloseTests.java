package org.xietong.notices;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchView;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice whose period has ended with no objection open closes itself where the batch's
 * rule {@code autoCloseNotices} is on, with the officer's effects and as {@code system}
 * in the audit trail; otherwise it waits, as a task, for its responsible party.
 */
@PlatformTest
class NoticeAutoCloseTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	NoticeAutoClose autoClose;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aNoticeClosesItselfOnceItsPeriodHasEndedPublishingItsGuidesAsTheSystem() {
		GuideNotice notice = guideNotice(true);

		// Counted by this notice's status and audit entries: the shared database holds
		// other tests' notices,
		// which the job may close too once the clock has moved.
		this.autoClose.closeDue();
		assertThat(status(notice)).isEqualTo("OPEN");
		this.clock.advance(Duration.ofDays(20));
		this.autoClose.closeDue();
		this.autoClose.closeDue();

		assertThat(status(notice)).isEqualTo("CLOSED");
		assertThat(this.api.get("/api/v1/guides/" + notice.guideId(), null).json().get("status").asString())
			.isEqualTo("PUBLISHED");
		assertThat(closings(notice)).containsExactly("system");
		assertThat(tasks(this.api.token("dept"), notice.id())).isEmpty();
	}

	@Test
	void aNoticeWithAnOpenObjectionIsLeftForTheOfficerWhoIsAskedToAnswerItFirst() {
		GuideNotice notice = guideNotice(true);
		this.clock.advance(Duration.ofHours(2));
		Response objection = this.api.postFrom(Api.someClientAddress(),
				"/api/v1/notices/" + notice.id() + "/objections", null, Map.of("subjectId", notice.guideId(), "name",
						"王明", "phone", "13800000000", "reason", "该企业所述联合实验室并不存在，附现场照片。"));
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		List<String> running = tasks(this.api.token("dept"), notice.id());

		this.clock.advance(Duration.ofDays(20));
		this.autoClose.closeDue();
		String held = status(notice);
		String dept = this.api.token("dept");
		List<JsonNode> ended = taskNodes(dept, notice.id());
		List<String> enterprise = tasks(this.api.token(notice.enterprise(), "Secret#2024"), notice.id());
		this.api.post("/api/v1/objections/" + objection.json().get("id").asString() + "/decide", dept,
				Map.of("outcome", "DISMISSED", "response", "经核查，该实验室已挂牌运行，异议不成立。"));
		this.autoClose.closeDue();

		assertThat(running).containsExactly("NOTICE_OBJECTIONS");
		assertThat(held).isEqualTo("OPEN");
		assertThat(ended).singleElement().satisfies(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("NOTICE_OBJECTIONS_FIRST");
			assertThat(task.get("title").asString()).contains("先答复 1 条未处理的异议");
			assertThat(task.get("count").asLong()).isOne();
		});
		assertThat(enterprise).isEmpty();
		assertThat(status(notice)).isEqualTo("CLOSED");
		assertThat(closings(notice)).containsExactly("system");
	}

	@Test
	void withTheRuleOffTheNoticeStaysOpenAndTheOfficerIsAskedToCloseIt() {
		GuideNotice notice = guideNotice(false);
		this.clock.advance(Duration.ofDays(20));

		this.autoClose.closeDue();
		String held = status(notice);
		String dept = this.api.token("dept");
		List<JsonNode> asked = taskNodes(dept, notice.id());
		List<String> others = new ArrayList<>(tasks(this.api.token(notice.enterprise(), "Secret#2024"), notice.id()));
		others.addAll(tasks(this.api.token("sysadmin"), notice.id()));
		Response byHand = this.api.post("/api/v1/notices/" + notice.id() + "/close", dept, "{}");

		assertThat(held).isEqualTo("OPEN");
		assertThat(asked).singleElement().satisfies(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("NOTICE_TO_CLOSE");
			assertThat(task.get("link").asString()).isEqualTo("/notices/" + notice.id());
			assertThat(task.get("deadline").asString()).isNotEmpty();
		});
		assertThat(others).isEmpty();
		assertThat(byHand.status()).as(byHand.toString()).isEqualTo(200);
		assertThat(tasks(dept, notice.id())).isEmpty();
		assertThat(closings(notice)).containsExactly("dept");
	}

	@Test
	void theJobAndTheOfficerRacingCloseTheNoticeOnce() throws Exception {
		GuideNotice notice = guideNotice(true);
		this.clock.advance(Duration.ofDays(20));
		String dept = this.api.token("dept");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Integer>> work = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				work.add((i % 2 == 0) ? () -> this.autoClose.closeDue()
						: () -> this.api.post("/api/v1/notices/" + notice.id() + "/close", dept, "{}").status());
			}
			List<Integer> officer = new ArrayList<>();
			List<Future<Integer>> results = pool.invokeAll(work);
			for (int i = 1; i < results.size(); i += 2) {
				officer.add(results.get(i).get());
			}
			assertThat(officer).allMatch(status -> status == 200 || status == 409);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(status(notice)).isEqualTo("CLOSED");
		assertThat(closings(notice)).hasSize(1);
	}

	// Fixtures.

	/**
	 * A batch with the rule as given, one approved guide of an eligible enterprise and
	 * the department's GUIDES notice on it, opened now.
	 */
	private GuideNotice guideNotice(boolean autoClose) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		BatchRules.Overrides rules = new BatchRules.Overrides(null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, autoClose);
		BatchView batch = this.batches.create(new BatchDefinition(Samples.unique("AC"), "自动结束公示测试批次", 2026, null, null,
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
				now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(60)), rules));
		assertThat(batch.rules().autoCloseNotices()).isEqualTo(autoClose);
		var enterprise = new PublishedGuides(this.api, this.batches, this.clock).eligibleEnterprise();
		Response guide = this.api.post("/api/v1/batches/" + batch.id() + "/guides", enterprise.token(),
				PublishedGuides.guide("CURRICULUM", "公示测试指南 " + Samples.unique("g"), "20000.00", "0", 10));
		assertThat(guide.status()).as(guide.toString()).isEqualTo(201);
		String guideId = guide.json().get("id").asString();
		assertThat(this.api.post("/api/v1/batches/" + batch.id() + "/guides/submit", enterprise.token(), "{}").status())
			.isEqualTo(200);
		String dept = this.api.token("dept");
		assertThat(this.api.post("/api/v1/guides/" + guideId + "/approve", dept, "{}").status()).isEqualTo(200);
		Response notice = this.api.post("/api/v1/notices", dept,
				Map.of("batchId", batch.id().toString(), "kind", "GUIDES", "title", "项目指南公示 " + Samples.unique("n"),
						"body", "公示五个工作日。", "subjectIds", List.of(guideId)));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		return new GuideNotice(UUID.fromString(notice.json().get("id").asString()), guideId, enterprise.username());
	}

	private String status(GuideNotice notice) {
		return this.api.get("/api/v1/notices/" + notice.id(), null).json().get("status").asString();
	}

	/** Who closed the notice, by its audit entries. */
	private List<String> closings(GuideNotice notice) {
		return this.jdbc
			.sql("SELECT actor FROM audit_entries WHERE action = 'NOTICE_CLOSED' AND subject_id = :id ORDER BY id")
			.param("id", notice.id().toString())
			.query(String.class)
			.list();
	}

	/** The kinds of the user's tasks about this notice. */
	private List<String> tasks(String token, UUID noticeId) {
		return taskNodes(token, noticeId).stream().map(task -> task.get("kind").asString()).toList();
	}

	private List<JsonNode> taskNodes(String token, UUID noticeId) {
		Response tasks = this.api.get("/api/v1/me/tasks", token);
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		tasks.json().forEach(task -> {
			if (task.get("link").asString().equals("/notices/" + noticeId)) {
				found.add(task);
			}
		});
		return found;
	}

	private record GuideNotice(UUID id, String guideId, String enterprise) {
	}

}
