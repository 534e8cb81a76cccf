package org.xietong.reviews;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise's review over HTTP: plan, conflicts, assignment, scoring, ranking,
 * selection, the result notice with an upheld objection, and the recommendation.
 */
@PlatformTest
class ReviewsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	ScoringReminders reminders;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	PublishedGuides guides;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.guides = new PublishedGuides(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anExpertOfTheApplicantsUniversityOrOnItsTeamOrAddedByHandIsRefusedWithTheKindOfConflict() {
		Review review = review(2, 3);
		String jluApplication = review.applications().get(0);
		Expert ofJlu = expert(review, "吉大专家" + Samples.unique("x"),
				this.api.get("/api/v1/me", this.api.token("jlu-admin")).json().get("organizationId").asString());
		Expert teamMember = expert(review, "李明", null);
		Expert handPicked = expert(review, "手工回避" + Samples.unique("x"), null);

		Response tasks = this.api.get("/api/v1/me/tasks", review.enterprise());
		Response sameOrganization = assign(review, jluApplication, ofJlu);
		Response onTheTeam = assign(review, jluApplication, teamMember);
		Response added = this.api.post("/api/v1/applications/" + jluApplication + "/conflicts", review.enterprise(),
				Map.of("expertId", handPicked.id(), "reason", "曾与申报人合作发表论文"));
		Response byHand = assign(review, jluApplication, handPicked);

		assertThat(tasks.json()).anySatisfy(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("REVIEW_TO_ASSIGN");
			assertThat(task.get("count").asLong()).isEqualTo(2);
			assertThat(task.get("link").asString()).isEqualTo("/enterprise/reviews/" + review.guideId());
		});
		assertThat(sameOrganization.status()).isEqualTo(409);
		assertThat(sameOrganization.code()).isEqualTo("CONFLICT_OF_INTEREST");
		assertThat(sameOrganization.json().get("errors").get(0).get("code").asString()).isEqualTo("SAME_ORGANIZATION");
		assertThat(onTheTeam.json().get("errors").get(0).get("code").asString()).isEqualTo("TEAM_MEMBER");
		assertThat(added.status()).isEqualTo(200);
		assertThat(byHand.code()).isEqualTo("CONFLICT_OF_INTEREST");
		assertThat(byHand.json().get("errors").get(0).get("code").asString()).isEqualTo("OTHER");
		assertThat(this.api.get("/api/v1/assignments?guideId=" + review.guideId(), review.enterprise())
			.json()
			.get("total")
			.asLong()).isZero();
	}

	@Test
	void theAutomaticPlanPreviewsWithoutChangeThenGivesEveryApplicationItsExpertsEvenlyAndNoneConflicted() {
		Review review = review(4, 2);
		String jlu = this.api.get("/api/v1/me", this.api.token("jlu-admin")).json().get("organizationId").asString();
		List<Expert> experts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			experts.add(expert(review, "评审专家" + Samples.unique("e"), (i == 0) ? jlu : null));
		}

		Response preview = this.api.post("/api/v1/guides/" + review.guideId() + "/assignments/auto",
				review.enterprise(), Map.of("dryRun", true));
		long before = this.api.get("/api/v1/assignments?guideId=" + review.guideId(), review.enterprise())
			.json()
			.get("total")
			.asLong();
		Response applied = this.api.post("/api/v1/guides/" + review.guideId() + "/assignments/auto",
				review.enterprise(), Map.of("dryRun", false));

		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().get("applied").asBoolean()).isFalse();
		assertThat(preview.json().get("items").size()).isEqualTo(8);
		assertThat(before).isZero();
		assertThat(applied.json().get("applied").asBoolean()).isTrue();
		Map<String, Integer> perApplication = new HashMap<>();
		for (JsonNode item : applied.json().get("items")) {
			perApplication.merge(item.get("applicationId").asString(), 1, Integer::sum);
			if (item.get("applicationId").asString().equals(review.applications().get(0))) {
				assertThat(item.get("expertId").asString()).isNotEqualTo(experts.get(0).id());
			}
		}
		assertThat(perApplication.values()).containsOnly(2).hasSize(4);
		for (String application : review.applications()) {
			assertThat(this.api.get("/api/v1/applications/" + application, review.enterprise())
				.json()
				.get("status")
				.asString()).isEqualTo("UNDER_REVIEW");
		}
	}

	@Test
	void anExpertSeesItsOwnAssignmentNeverAnothersNorTheRankingNorAnotherEnterprisesWork() {
		Review review = review(1, 2);
		Expert first = expert(review, "甲专家" + Samples.unique("e"), null);
		Expert second = expert(review, "乙专家" + Samples.unique("e"), null);
		String mine = assign(review, review.applications().get(0), first).json()
			.get("items")
			.get(0)
			.get("expertId")
			.asString();
		assertThat(mine).isEqualTo(first.id());
		assign(review, review.applications().get(0), second);
		JsonNode all = this.api.get("/api/v1/assignments?guideId=" + review.guideId(), review.enterprise())
			.json()
			.get("items");
		String firstAssignment = idOf(all, first);
		String secondAssignment = idOf(all, second);
		accept(first, firstAssignment);
		score(first, firstAssignment, 8, 70);

		Response own = this.api.get("/api/v1/assignments/" + secondAssignment, second.token());
		Response others = this.api.get("/api/v1/assignments/" + firstAssignment, second.token());
		Response list = this.api.get("/api/v1/assignments", second.token());
		// Made where the clock stands: moving it again would end the tokens above.
		Review elsewhere = review(1, 2, false);
		Response otherEnterprise = this.api.get("/api/v1/guides/" + elsewhere.guideId() + "/ranking",
				review.enterprise());

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("application").get("title").asString()).isNotEmpty();
		assertThat(own.body()).doesNotContain(first.id()).doesNotContain("70.00");
		assertThat(others.status()).isEqualTo(404);
		assertThat(list.json().get("total").asLong()).isOne();
		assertThat(this.api.get("/api/v1/guides/" + review.guideId() + "/ranking", second.token()).status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/applications/" + review.applications().get(0), second.token()).status())
			.isEqualTo(403);
		assertThat(otherEnterprise.status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/applications/" + elsewhere.applications().get(0) + "/assignments", review.enterprise(),
					Map.of("expertId", first.id()))
			.status()).isEqualTo(404);
	}

	@Test
	void theRankingMatchesHandComputedTotalsTrimmedMeanMedianSpreadAndAMissingScore() {
		Review review = review(2, 5);
		List<Expert> experts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			experts.add(expert(review, "计分专家" + i + Samples.unique("e"), null));
		}
		String fiveScores = review.applications().get(0);
		String twoOfThree = review.applications().get(1);
		// Weights 60 (max 10) and 40 (max 100): total = 6 × a + 0.4 × b.
		int[][] first = { { 10, 100 }, { 9, 80 }, { 8, 50 }, { 5, 40 }, { 2, 10 } };
		for (int i = 0; i < 5; i++) {
			scoreAssigned(review, fiveScores, experts.get(i), first[i][0], first[i][1]);
		}
		// Totals: 100, 86, 68, 46, 16 → trimmed mean of 86, 68, 46 = 66.67; median 68;
		// spread 84.
		scoreAssigned(review, twoOfThree, experts.get(0), 7, 75);
		scoreAssigned(review, twoOfThree, experts.get(1), 6, 55);
		assign(review, twoOfThree, experts.get(2));
		// Totals: 72, 58 → mean 65.00, median 65.00, spread 14; 3 of 5 missing.

		Response ranking = this.api.get("/api/v1/guides/" + review.guideId() + "/ranking", review.enterprise());

		JsonNode items = ranking.json().get("items");
		assertThat(items.get(0).get("applicationId").asString()).isEqualTo(fiveScores);
		assertThat(items.get(0).get("rank").asInt()).isOne();
		assertThat(new BigDecimal(items.get(0).get("score").asString())).isEqualByComparingTo("66.67");
		assertThat(new BigDecimal(items.get(0).get("median").asString())).isEqualByComparingTo("68");
		assertThat(new BigDecimal(items.get(0).get("spread").asString())).isEqualByComparingTo("84");
		assertThat(items.get(0).get("disagreement").asBoolean()).isTrue();
		assertThat(items.get(0).get("expertCount").asInt()).isEqualTo(5);
		assertThat(items.get(0).get("missing").asInt()).isZero();
		assertThat(items.get(1).get("applicationId").asString()).isEqualTo(twoOfThree);
		assertThat(new BigDecimal(items.get(1).get("score").asString())).isEqualByComparingTo("65.00");
		assertThat(new BigDecimal(items.get(1).get("median").asString())).isEqualByComparingTo("65");
		assertThat(new BigDecimal(items.get(1).get("spread").asString())).isEqualByComparingTo("14");
		assertThat(items.get(1).get("disagreement").asBoolean()).isFalse();
		assertThat(items.get(1).get("expertCount").asInt()).isEqualTo(2);
		assertThat(items.get(1).get("missing").asInt()).isEqualTo(3);
		var workbook = this.api.download("/api/v1/guides/" + review.guideId() + "/ranking.xlsx", review.enterprise());
		assertThat(workbook.statusCode()).isEqualTo(200);
		assertThat(workbook.body()).startsWith('P', 'K');
	}

	@Test
	void selectingMoreThanOfferedOrSkippingAHigherRankedOneWithoutAReasonIsRefused() {
		Review review = review(3, 1);
		Expert expert = expert(review, "遴选专家" + Samples.unique("e"), null);
		scoreAssigned(review, review.applications().get(0), expert, 9, 90);
		scoreAssigned(review, review.applications().get(1), expert, 7, 70);
		scoreAssigned(review, review.applications().get(2), expert, 5, 50);
		String selection = "/api/v1/guides/" + review.guideId() + "/selection";

		Response tooMany = this.api.post(selection, review.enterprise(),
				Map.of("applicationIds", review.applications()));
		Response skipping = this.api.post(selection, review.enterprise(),
				Map.of("applicationIds", List.of(review.applications().get(0), review.applications().get(2))));
		String afterRefusals = status(review, review.applications().get(0));
		Response withReason = this.api.post(selection, review.enterprise(),
				Map.of("applicationIds", List.of(review.applications().get(0), review.applications().get(2)), "reason",
						"第二名与企业现有产线不匹配，第三名可在本年度落地"));

		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.code()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(skipping.status()).isEqualTo(422);
		assertThat(skipping.code()).isEqualTo("SELECTION_REASON_REQUIRED");
		assertThat(afterRefusals).isEqualTo("UNDER_REVIEW");
		assertThat(withReason.status()).as(withReason.toString()).isEqualTo(200);
		assertThat(status(review, review.applications().get(0))).isEqualTo("SELECTED");
		assertThat(status(review, review.applications().get(1))).isEqualTo("UNDER_REVIEW");
		assertThat(status(review, review.applications().get(2))).isEqualTo("SELECTED");
		Response audit = this.api.get("/api/v1/audit?subject=" + review.guideId(), this.api.token("auditor"));
		assertThat(audit.body()).contains("第二名与企业现有产线不匹配");
	}

	@Test
	void anUpheldObjectionReopensTheSelectionAndTheNoticeClosesOnlyAfterItIsRedoneThenTheEnterpriseRecommends() {
		Review review = review(3, 1);
		Expert expert = expert(review, "公示专家" + Samples.unique("e"), null);
		for (int i = 0; i < 3; i++) {
			scoreAssigned(review, review.applications().get(i), expert, 9 - 2 * i, 90 - 20 * i);
		}
		String first = review.applications().get(0);
		String second = review.applications().get(1);
		String third = review.applications().get(2);
		assertThat(this.api
			.post("/api/v1/guides/" + review.guideId() + "/selection", review.enterprise(),
					Map.of("applicationIds", List.of(first, second)))
			.status()).isEqualTo(200);
		Response notice = this.api.post("/api/v1/notices", review.enterprise(), Map.of("batchId", review.batchId(),
				"kind", "REVIEW_RESULTS", "title", "评审结果公示", "body", "公示五个工作日。", "subjectIds", List.of(first, second)));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		String noticeId = notice.json().get("id").asString();
		// From an address of its own: objections are limited per address and hour, across
		// the whole suite.
		Response objection = this.api.send(this.api.request("/api/v1/notices/" + noticeId + "/objections", null)
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "10.6.0." + (1 + new java.util.Random().nextInt(250)))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.writeValueAsString(Map.of("subjectId", second, "name", "王某", "phone", "13800000000", "email",
						"w@example.com", "reason", "申报材料中的合作基础不实")))));
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		Response upheld = this.api.post("/api/v1/objections/" + objection.json().get("id").asString() + "/decide",
				review.enterprise(), Map.of("outcome", "UPHELD", "response", "经核实，合作基础描述不实，取消入选"));
		assertThat(upheld.status()).as(upheld.toString()).isEqualTo(200);
		assertThat(status(review, second)).isEqualTo("UNDER_REVIEW");

		this.clock.advance(Duration.ofDays(20));
		String enterprise = this.api.token(review.enterpriseUsername(), "Secret#2024");
		Response blocked = this.api.post("/api/v1/notices/" + noticeId + "/close", enterprise, "{}");
		Response redone = this.api.post("/api/v1/guides/" + review.guideId() + "/selection", enterprise,
				Map.of("applicationIds", List.of(first, third)));
		Response closed = this.api.post("/api/v1/notices/" + noticeId + "/close", enterprise, "{}");
		Response recommended = this.api.post("/api/v1/batches/" + review.batchId() + "/recommendations", enterprise,
				Map.of("applicationIds", List.of(first, third)));

		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.code()).isEqualTo("NOTICE_BLOCKED");
		assertThat(redone.status()).as(redone.toString()).isEqualTo(200);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.body()).contains(third);
		assertThat(status(review, second)).isEqualTo("NOT_SELECTED");
		assertThat(recommended.status()).as(recommended.toString()).isEqualTo(200);
		assertThat(status(review, first)).isEqualTo("RECOMMENDED");
		assertThat(status(review, third)).isEqualTo("RECOMMENDED");
	}

	@Test
	void recommendingBeforeTheResultNoticeClosedIsRefused() {
		Review review = review(1, 1);
		Expert expert = expert(review, "早推专家" + Samples.unique("e"), null);
		scoreAssigned(review, review.applications().get(0), expert, 9, 90);
		this.api.post("/api/v1/guides/" + review.guideId() + "/selection", review.enterprise(),
				Map.of("applicationIds", List.of(review.applications().get(0))));

		Response refused = this.api.post("/api/v1/batches/" + review.batchId() + "/recommendations",
				review.enterprise(), Map.of("applicationIds", review.applications()));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("NOTICE_NOT_CLOSED");
		assertThat(status(review, review.applications().get(0))).isEqualTo("SELECTED");
	}

	@Test
	void scoringSelectingAndTheResultNoticeWaitUntilTheApplicationWindowHasClosedWhilePlanAndExpertsMayBeReadyEarlier() {
		Review review = review(1, 1, false);
		String application = review.applications().get(0);
		Expert expert = expert(review, "提前专家" + Samples.unique("e"), null);
		Response assigned = assign(review, application, expert);
		String assignment = idOf(this.api.get("/api/v1/assignments?guideId=" + review.guideId(), review.enterprise())
			.json()
			.get("items"), expert);
		accept(expert, assignment);
		Instant closes = this.batches.find(UUID.fromString(review.batchId()))
			.orElseThrow()
			.schedule()
			.applicationCloses();
		String opens = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(PublishedGuides.SHANGHAI)
			.format(closes.plusSeconds(1));

		Response scored = scoreOnce(expert.token(), assignment);
		Response selected = this.api.post("/api/v1/guides/" + review.guideId() + "/selection", review.enterprise(),
				Map.of("applicationIds", List.of(application)));
		Response notice = this.api.post("/api/v1/notices", review.enterprise(), Map.of("batchId", review.batchId(),
				"kind", "REVIEW_RESULTS", "title", "评审结果公示", "body", "公示五个工作日。", "subjectIds", List.of(application)));
		this.clock.set(closes);
		String atTheClose = this.api.token(expert.username(), "Changed#2025");
		Response lastSecond = scoreOnce(atTheClose, assignment);
		this.clock.set(closes.plusSeconds(1));
		Response firstSecondAfter = scoreOnce(atTheClose, assignment);

		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		for (Response refused : List.of(scored, selected, notice, lastSecond)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.code()).isEqualTo("NOT_YET_OPEN");
			assertThat(refused.json().get("detail").asString()).contains(opens + " (Asia/Shanghai)");
		}
		assertThat(firstSecondAfter.status()).as(firstSecondAfter.toString()).isEqualTo(200);
		assertThat(firstSecondAfter.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notices WHERE batch_id = :batch AND kind = 'REVIEW_RESULTS'")
			.param("batch", UUID.fromString(review.batchId()))
			.query(Long.class)
			.single()).isZero();
		assertThat(status(review, application)).isEqualTo("UNDER_REVIEW");
	}

	private Response scoreOnce(String expertToken, String assignment) {
		return this.api.post("/api/v1/assignments/" + assignment + "/score", expertToken,
				Map.of("scores",
						List.of(Map.of("criterion", "创新性", "score", 8), Map.of("criterion", "可行性", "score", 80)),
						"comment", "论证充分。"));
	}

	@Test
	void anExpertIsRemindedOnceThreeDaysAndOnceOneDayBeforeScoringClosesAndADeclineTellsTheEnterprise() {
		Review review = review(1, 2);
		Expert late = expert(review, "迟评专家" + Samples.unique("e"), null);
		Expert busy = expert(review, "婉拒专家" + Samples.unique("e"), null);
		assign(review, review.applications().get(0), late);
		assign(review, review.applications().get(0), busy);
		JsonNode all = this.api.get("/api/v1/assignments?guideId=" + review.guideId(), review.enterprise())
			.json()
			.get("items");
		String lateAssignment = idOf(all, late);
		java.time.Instant deadline = java.time.OffsetDateTime
			.parse(this.api.get("/api/v1/guides/" + review.guideId() + "/review-plan", review.enterprise())
				.json()
				.get("scoringDeadline")
				.asString())
			.toInstant();

		this.clock.set(deadline.minus(Duration.ofDays(4)));
		this.reminders.remind();
		List<String> early = reminders(lateAssignment);
		this.clock.set(deadline.minus(Duration.ofDays(2)));
		this.reminders.remind();
		this.reminders.remind();
		List<String> threeDays = reminders(lateAssignment);
		this.clock.set(deadline.minus(Duration.ofHours(12)));
		this.reminders.remind();
		List<String> oneDay = reminders(lateAssignment);
		this.clock.reset();
		Response declined = this.api.post("/api/v1/assignments/" + idOf(all, busy) + "/decline", busy.token(),
				Map.of("reason", "近期出差，无法按时完成"));

		assertThat(early).isEmpty();
		assertThat(threeDays).containsExactly("D3");
		assertThat(oneDay).containsExactly("D1", "D3");
		assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> inbox(late.id(), "inbox.SCORING_DEADLINE") == 2 && this.jdbc.sql("""
					SELECT COUNT(*) FROM inbox_messages m JOIN users u ON u.id = m.recipient_id
					WHERE u.username = :contact AND m.message_key = 'inbox.ASSIGNMENT_DECLINED'""")
				.param("contact", review.enterpriseUsername())
				.query(Long.class)
				.single() == 1);
	}

	private List<String> reminders(String assignment) {
		return this.jdbc.sql("SELECT reminder FROM review_reminders WHERE assignment_id = :id ORDER BY reminder")
			.param("id", java.util.UUID.fromString(assignment))
			.query(String.class)
			.list();
	}

	private long inbox(String userId, String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbox_messages WHERE recipient_id = :user AND message_key = :key")
			.param("user", java.util.UUID.fromString(userId))
			.param("key", key)
			.query(Long.class)
			.single();
	}

	@Test
	void theEnterpriseIsAskedToSelectOnceEveryScoreIsInThenToAnnounceCloseAndRecommendAndNoOneElseIs() {
		Review review = review(2, 1);
		Expert expert = expert(review, "待办专家" + Samples.unique("e"), null);
		String first = review.applications().get(0);
		String second = review.applications().get(1);
		Instant reviewCloses = this.batches.find(UUID.fromString(review.batchId()))
			.orElseThrow()
			.schedule()
			.reviewCloses();
		String stranger = this.guides.eligibleEnterprise().token();
		scoreAssigned(review, first, expert, 9, 90);
		List<String> halfScored = stepKinds(review.enterprise(), review.guideId());

		scoreAssigned(review, second, expert, 7, 70);
		List<JsonNode> allScored = steps(review.enterprise(), review.guideId());
		List<String> others = new ArrayList<>(stepKinds(stranger, review.guideId()));
		others.addAll(stepKinds(this.api.token("dept"), review.guideId()));
		others.addAll(stepKinds(expert.token(), review.guideId()));
		this.api.post("/api/v1/guides/" + review.guideId() + "/selection", review.enterprise(),
				Map.of("applicationIds", List.of(first, second)));
		List<String> selected = stepKinds(review.enterprise(), review.guideId());
		Response notice = this.api.post("/api/v1/notices", review.enterprise(), Map.of("batchId", review.batchId(),
				"kind", "REVIEW_RESULTS", "title", "评审结果公示", "body", "公示五个工作日。", "subjectIds", List.of(first, second)));
		String noticeLink = "/notices/" + notice.json().get("id").asString();
		List<String> underNotice = stepKinds(review.enterprise(), review.guideId());
		this.clock.advance(Duration.ofDays(20));
		String enterprise = this.api.token(review.enterpriseUsername(), "Secret#2024");
		List<String> noticeEnded = stepKinds(enterprise, noticeLink);
		List<String> deptOnEnded = stepKinds(this.api.token("dept"), noticeLink);
		this.api.post(noticeLink.replace("/notices", "/api/v1/notices") + "/close", enterprise, "{}");
		List<String> closed = new ArrayList<>(stepKinds(enterprise, review.guideId()));
		closed.addAll(stepKinds(enterprise, noticeLink));
		this.api.post("/api/v1/batches/" + review.batchId() + "/recommendations", enterprise,
				Map.of("applicationIds", List.of(first, second)));
		List<String> recommended = stepKinds(enterprise, review.guideId());

		assertThat(halfScored).doesNotContain("REVIEW_TO_SELECT");
		assertThat(allScored).singleElement().satisfies(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("REVIEW_TO_SELECT");
			assertThat(java.time.OffsetDateTime.parse(task.get("deadline").asString()).toInstant())
				.isEqualTo(reviewCloses);
		});
		assertThat(others).isEmpty();
		assertThat(selected).containsExactly("REVIEW_TO_NOTICE");
		assertThat(underNotice).isEmpty();
		assertThat(noticeEnded).containsExactly("NOTICE_TO_CLOSE");
		assertThat(deptOnEnded).isEmpty();
		assertThat(closed).containsExactly("REVIEW_TO_RECOMMEND");
		assertThat(recommended).isEmpty();
	}

	/** The user's tasks whose link ends with the guide's or the notice's id. */
	private List<JsonNode> steps(String token, String linkEnd) {
		Response tasks = this.api.get("/api/v1/me/tasks", token);
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		tasks.json().forEach(task -> {
			if (task.get("link").asString().endsWith(linkEnd)) {
				found.add(task);
			}
		});
		return found;
	}

	private List<String> stepKinds(String token, String linkEnd) {
		return steps(token, linkEnd).stream().map(task -> task.get("kind").asString()).toList();
	}

	// Fixtures.

	/**
	 * A published guide offering two projects, {@code count} endorsed applications to it
	 * (the first from JLU, the others from NENU), and its plan: criteria 60 (max 10) and
	 * 40 (max 100), {@code experts} experts each.
	 */
	private Review review(int count, int experts) {
		return review(count, experts, true);
	}

	/** The same, the clock moved past the application window when {@code pastWindow}. */
	private Review review(int count, int experts, boolean pastWindow) {
		// No endorsement caps: several applications from one university reach one guide.
		Batch batch = this.guides
			.batch(new org.xietong.batches.BatchRules.Overrides(null, null, null, null, null, null, null, null, null,
					java.util.Optional.empty(), java.util.Optional.empty(), null, null, null, null, null, null, null),
					"100000.00", 2, "CURRICULUM");
		List<String> applications = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String admin = (i == 0) ? "jlu-admin" : "nenu-admin";
			Teacher teacher = this.guides.teacher(admin);
			Response created = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications",
					teacher.token(), PublishedGuides.application("评审测试申报 " + Samples.unique("r")));
			String id = created.json().get("id").asString();
			this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
					Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
			assertThat(this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}").status())
				.isEqualTo(200);
			assertThat(this.api.post("/api/v1/applications/" + id + "/endorse", this.api.token(admin), "{}").status())
				.isEqualTo(200);
			applications.add(id);
		}
		// The review begins once the application window has closed (the clock is reset
		// after
		// each test); the enterprise signs in again.
		if (pastWindow) {
			this.guides.pastApplicationWindow(batch.id());
		}
		String enterprise = this.api.token(batch.enterprise().username(), "Secret#2024");
		Response plan = this.api.put("/api/v1/guides/" + batch.guideIds().get(0) + "/review-plan", enterprise,
				Map.of("criteria",
						List.of(Map.of("name", "创新性", "weight", 60, "maxScore", 10),
								Map.of("name", "可行性", "weight", 40, "maxScore", 100)),
						"expertsPerApplication", experts, "maxPerExpert", 30));
		assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		return new Review(batch.id().toString(), batch.guideIds().get(0), enterprise, batch.enterprise().username(),
				applications);
	}

	private Expert expert(Review review, String name, String affiliationId) {
		String username = Samples.unique("rex");
		Map<String, Object> affiliation = (affiliationId != null) ? Map.of("organizationId", affiliationId)
				: Map.of("name", "某研究院");
		Response created = this.api.post("/api/v1/experts", review.enterprise(), Map.of("displayName", name, "username",
				username, "password", "Initial#2024", "affiliation", affiliation, "fields", List.of("人工智能")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String first = this.api.token(username, "Initial#2024");
		this.api.post("/api/v1/me/password", first,
				Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"));
		return new Expert(created.json().get("id").asString(), this.api.token(username, "Changed#2025"), username);
	}

	private Response assign(Review review, String application, Expert expert) {
		return this.api.post("/api/v1/applications/" + application + "/assignments", review.enterprise(),
				Map.of("expertId", expert.id()));
	}

	/** Assigns the expert, who accepts and submits the two scores. */
	private void scoreAssigned(Review review, String application, Expert expert, int innovation, int feasibility) {
		Response assigned = assign(review, application, expert);
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		JsonNode all = this.api
			.get("/api/v1/assignments?guideId=" + review.guideId() + "&size=200", review.enterprise())
			.json()
			.get("items");
		String assignment = null;
		for (JsonNode item : all) {
			if (item.get("applicationId").asString().equals(application)
					&& item.get("expertId").asString().equals(expert.id())) {
				assignment = item.get("id").asString();
			}
		}
		accept(expert, assignment);
		score(expert, assignment, innovation, feasibility);
	}

	private void accept(Expert expert, String assignment) {
		assertThat(this.api
			.post("/api/v1/assignments/" + assignment + "/accept", expert.token(), Map.of("noConflict", true))
			.status()).isEqualTo(200);
	}

	private void score(Expert expert, String assignment, int innovation, int feasibility) {
		Response scored = this.api.post("/api/v1/assignments/" + assignment + "/score", expert.token(),
				Map.of("scores", List.of(Map.of("criterion", "创新性", "score", innovation),
						Map.of("criterion", "可行性", "score", feasibility)), "comment", "论证充分。"));
		assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
		assertThat(scored.json().get("status").asString()).isEqualTo("SUBMITTED");
	}

	private static String idOf(JsonNode assignments, Expert expert) {
		Set<String> ids = new HashSet<>();
		for (JsonNode item : assignments) {
			if (item.get("expertId").asString().equals(expert.id())) {
				ids.add(item.get("id").asString());
			}
		}
		assertThat(ids).hasSize(1);
		return ids.iterator().next();
	}

	private String status(Review review, String application) {
		return this.api.get("/api/v1/applications/" + application, this.api.token("dept"))
			.json()
			.get("status")
			.asString();
	}

	private record Review(String batchId, String guideId, String enterprise, String enterpriseUsername,
			List<String> applications) {
	}

	private record Expert(String id, String token, String username) {
	}

}
