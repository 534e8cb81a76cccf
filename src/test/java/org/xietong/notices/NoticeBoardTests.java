package org.xietong.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice mechanism on its own, with a stand-in subject module for GENERAL notices:
 * the period in working days, objections, decisions, closing, and the events subject
 * modules hear.
 */
@PlatformTest
@Import(NoticeBoardTests.StandInSubjects.class)
class NoticeBoardTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	BatchManagement batches;

	@Autowired
	StandInSubjects subjects;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String dept;

	String batchId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.dept = this.api.token("dept");
		this.batchId = this.batches.findByCode("JL-2024").orElseThrow().id().toString();
		this.subjects.events.clear();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aNoticeOpenedOnFriday27September2024ClosesAtTheEndOf9October() {
		this.clock.set(Instant.parse("2024-09-27T02:00:00Z"));

		Response opened = open(List.of(UUID.randomUUID()));

		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(opened.json().get("closesAt").asString()).isEqualTo("2024-10-09T23:59:59+08:00");
		assertThat(opened.json().get("workingDays").asInt()).isEqualTo(5);
	}

	@Test
	void anUpheldObjectionRevokesItsSubjectAndTheNoticeClosesWithTheOthers() {
		UUID doubtful = UUID.randomUUID();
		UUID sound = UUID.randomUUID();
		String notice = open(List.of(doubtful, sound)).json().get("id").asString();

		Response objection = this.api.postFrom(Api.someClientAddress(), "/api/v1/notices/" + notice + "/objections",
				null, Map.of("subjectId", doubtful.toString(), "name", "王明", "phone", "13800000000", "reason",
						"该企业所述实验设备并不存在，附现场照片。"));
		assertThat(objection.status()).isEqualTo(201);
		assertThat(objection.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(objection.json().get("phone").isNull()).isTrue();
		String objectionId = objection.json().get("id").asString();

		// While an objection is open, the notice cannot close even after its end.
		this.clock.advance(java.time.Duration.ofDays(20));
		this.dept = this.api.token("dept");
		assertThat(this.api.post("/api/v1/notices/" + notice + "/close", this.dept, "{}").code())
			.isEqualTo("OBJECTIONS_OPEN");

		Response decided = this.api.post("/api/v1/objections/" + objectionId + "/decide", this.dept,
				Map.of("outcome", "UPHELD", "response", "经核查，异议属实，撤销该项目指南。"));
		assertThat(decided.json().get("status").asString()).isEqualTo("UPHELD");
		assertThat(this.subjects.events)
			.anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(ObjectionUpheld.class,
					upheld -> assertThat(upheld.subjectId()).isEqualTo(doubtful)));

		Response closed = this.api.post("/api/v1/notices/" + notice + "/close", this.dept, "{}");
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(this.subjects.events)
			.anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(NoticeClosed.class, done -> {
				assertThat(done.standingSubjectIds()).containsExactly(sound);
				assertThat(done.revokedSubjectIds()).containsExactly(doubtful);
			}));

		Response publicObjections = this.api.get("/api/v1/notices/" + notice + "/objections", null);
		assertThat(publicObjections.json().get(0).get("response").asString()).contains("异议属实");
		assertThat(publicObjections.json().get(0).get("name").asString()).isEqualTo("王**");
	}

	@Test
	void aNoticeCannotCloseBeforeItsEnd() {
		String notice = open(List.of(UUID.randomUUID())).json().get("id").asString();

		Response refused = this.api.post("/api/v1/notices/" + notice + "/close", this.dept, "{}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("NOTICE_PERIOD_RUNNING");
	}

	@Test
	void anObjectionNeedsARealNameAPhoneAndReasonsAndASubjectOfTheNotice() {
		String notice = open(List.of(UUID.randomUUID())).json().get("id").asString();

		Response refused = this.api.postFrom(Api.someClientAddress(), "/api/v1/notices/" + notice + "/objections", null,
				Map.of("subjectId", UUID.randomUUID().toString(), "name", "", "phone", "x", "reason", "不行"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").values().stream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("subjectId", "name", "phone", "reason");
	}

	@Test
	void objectionsFromOneAddressAreLimited() {
		UUID subject = UUID.randomUUID();
		String notice = open(List.of(subject)).json().get("id").asString();
		String address = Api.someClientAddress();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < NoticeBoard.OBJECTIONS_PER_HOUR + 1; i++) {
			statuses.add(this.api.postFrom(address, "/api/v1/notices/" + notice + "/objections", null,
					Map.of("subjectId", subject.toString(), "name", "李华", "phone", "13800000000", "reason",
							"第 " + i + " 条异议：材料与事实不符，请核查。"))
				.status());
			if (statuses.get(statuses.size() - 1) == 429) {
				break;
			}
		}
		assertThat(statuses).last().isEqualTo(429);
		assertThat(statuses.stream().filter(s -> s == 201).count())
			.isLessThanOrEqualTo(NoticeBoard.OBJECTIONS_PER_HOUR);
		this.clock.advance(java.time.Duration.ofHours(1).plusMinutes(1));
		assertThat(this.api
			.postFrom(address, "/api/v1/notices/" + notice + "/objections", null, Map.of("subjectId",
					subject.toString(), "name", "李华", "phone", "13800000000", "reason", "一小时后再次提出的异议，请核查。"))
			.status()).isIn(201, 409);
	}

	@Test
	void fiftyConcurrentObjectionsFromOneAddressFileExactlyTheHoursAllowance() throws Exception {
		UUID subject = UUID.randomUUID();
		String notice = open(List.of(subject)).json().get("id").asString();
		String address = Api.someClientAddress();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Response> answers = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String reason = "第 " + i + " 条同时提出的异议：材料与事实不符，请核查。";
				futures.add(pool.submit(() -> {
					start.await();
					return this.api.postFrom(address, "/api/v1/notices/" + notice + "/objections", null, Map
						.of("subjectId", subject.toString(), "name", "李华", "phone", "13800000000", "reason", reason));
				}));
			}
			start.countDown();
			for (Future<Response> future : futures) {
				answers.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(NoticeBoard.OBJECTIONS_PER_HOUR);
		assertThat(answers.stream().filter(answer -> answer.status() != 201).map(Response::code))
			.hasSize(50 - NoticeBoard.OBJECTIONS_PER_HOUR)
			.containsOnly("RATE_LIMITED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM objections WHERE client_address = :address")
			.param("address", address)
			.query(Long.class)
			.single()).isEqualTo(NoticeBoard.OBJECTIONS_PER_HOUR);
	}

	@Test
	void onlyTheResponsiblePartyDecidesAndCloses() {
		UUID subject = UUID.randomUUID();
		String notice = open(List.of(subject)).json().get("id").asString();
		this.clock.advance(java.time.Duration.ofMinutes(61));
		String objectionId = this.api
			.postFrom(Api.someClientAddress(), "/api/v1/notices/" + notice + "/objections", null, Map.of("subjectId",
					subject.toString(), "name", "赵强", "phone", "13800000001", "reason", "项目内容与企业主营业务无关。"))
			.json()
			.get("id")
			.asString();

		assertThat(this.api
			.post("/api/v1/objections/" + objectionId + "/decide", this.api.token("ent-auto"),
					Map.of("outcome", "DISMISSED", "response", "不成立"))
			.status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/objections/" + objectionId + "/decide", this.api.token("jlu-teacher1"),
					Map.of("outcome", "DISMISSED", "response", "不成立"))
			.status()).isEqualTo(403);
		assertThat(this.api
			.post("/api/v1/notices", this.api.token("ent-auto"),
					Map.of("batchId", this.batchId, "kind", "GENERAL", "title", "x", "subjectIds", List.of()))
			.status()).isEqualTo(403);
	}

	@Test
	void thePublicPageShowsThePeriodTheSubjectsAndTheObjectionForm() {
		this.clock.set(Instant.parse("2024-09-27T02:00:00Z"));
		String notice = open(List.of(UUID.randomUUID())).json().get("id").asString();

		Response page = this.api.get("/notices/" + notice, null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("测试公示").contains("2024-10-09 23:59").contains("提出异议").contains("事项 ");
		assertThat(this.api.get("/notices?status=OPEN", null).body()).contains("/notices/" + notice);
	}

	private Response open(List<UUID> subjectIds) {
		return this.api.post("/api/v1/notices", this.dept, Map.of("batchId", this.batchId, "kind", "GENERAL", "title",
				"测试公示", "body", "公示内容", "subjectIds", subjectIds.stream().map(UUID::toString).toList()));
	}

	/**
	 * Answers for GENERAL notices: any subject may go under notice; records what notices
	 * announce.
	 */
	@TestConfiguration
	static class StandInSubjects implements NoticeSubjects {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@Override
		public boolean handles(NoticeKind kind) {
			return kind == NoticeKind.GENERAL;
		}

		@Override
		public List<NoticeSubject> putUnderNotice(NoticeKind kind, UUID batchId, UUID opener, List<UUID> ids) {
			return ids.stream().map(id -> new NoticeSubject(id, "事项 " + id.toString().substring(0, 8), null)).toList();
		}

		@EventListener
		void on(ObjectionUpheld event) {
			this.events.add(event);
		}

		@EventListener
		void on(NoticeClosed event) {
			this.events.add(event);
		}

	}

}
