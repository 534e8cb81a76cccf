package org.xietong.reviews;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pages over plain HTTP, as the expert and the enterprise use them: the expert
 * accepts, drafts and submits its scores and sees nothing of another's; the enterprise
 * sets the plan, assigns by hand or by the automatic plan, ranks, selects, publishes the
 * result notice, redoes the selection after an upheld objection and recommends. State is
 * set up through the API, as ReviewsApiTests does.
 */
@PlatformTest
class ReviewPagesTests {

	private static final String ENTERPRISE_PASSWORD = "Secret#2024";

	private static final String EXPERT_PASSWORD = "Changed#2025";

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

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
	void beforeTheApplicationWindowClosesScoringSelectingAndTheNoticeAnswerOnThePageWhenTheyOpen() {
		Review review = review(1, 1, true, false);
		String application = review.applications().get(0);
		Expert expert = expert(review, "提前页面专家" + Samples.unique("e"), null);
		assertThat(assign(review, application, expert).status()).isEqualTo(200);
		String assignment = "/expert/assignments/" + assignmentOf(review, application, expert);
		PageSession scorer = signIn(expert.username(), EXPERT_PASSWORD);
		assertThat(scorer.post(assignment + "/accept", assignment, Map.of("noConflict", "true")).status())
			.isEqualTo(302);
		String page = "/enterprise/reviews/" + review.guideId();
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		String opens = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(PublishedGuides.SHANGHAI)
			.format(this.batches.find(java.util.UUID.fromString(review.batchId()))
				.orElseThrow()
				.schedule()
				.applicationCloses()
				.plusSeconds(1)) + " (Asia/Shanghai)";

		Response shown = scorer.page(assignment);
		Response scored = scorer.post(assignment + "/score", assignment, scores("8", "80", "论证充分。"), false);
		Response selected = enterprise.post(page + "/selection", page, selection(List.of(application), ""), false);
		Response notice = enterprise.post(page + "/notice", page,
				List.of(Map.entry("title", "评审结果公示"), Map.entry("body", "公示五个工作日。")), false);

		assertThat(shown.body()).contains("data-testid=\"scoring-not-open\"")
			.contains("评分于 " + opens + " 开始：本批次申报截止后方可评分。")
			.contains("data-testid=\"submit-scores\" disabled");
		assertThat(scored.status()).isEqualTo(409);
		assertThat(scored.body()).contains("评分于 " + opens + " 开始：本批次申报截止后方可评分。");
		assertThat(selected.status()).isEqualTo(409);
		assertThat(selected.body()).contains("遴选于 " + opens + " 开始：本批次申报截止后方可遴选。");
		assertThat(notice.status()).isEqualTo(409);
		assertThat(notice.body()).contains("评审结果公示于 " + opens + " 起方可发起：本批次申报截止后方可公示。");
		assertThat(status(application)).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void theExpertSeesItsAssignmentAcceptsSavesADraftAndSubmitsItsScores() {
		Review review = review(1, 1, true);
		Expert expert = expert(review, "页面专家" + Samples.unique("e"), null);
		assertThat(assign(review, review.applications().get(0), expert).status()).isEqualTo(200);
		String id = assignmentOf(review, review.applications().get(0), expert);
		String page = "/expert/assignments/" + id;
		PageSession session = signIn(expert.username(), EXPERT_PASSWORD);

		Response list = session.page("/expert/assignments");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("<a href=\"/expert/assignments\" class=\"current\">我的评审任务</a>")
			.contains(review.titles().get(0))
			.contains("data-status=\"ASSIGNED\"")
			.contains("待确认");
		assertClean("list", list.body());
		Response assigned = session.page(page);
		assertThat(assigned.body()).contains(review.titles().get(0))
			.contains("面向智能网联汽车方向，校企共建课程与实验项目。")
			.contains("<td>创新性</td><td>60</td><td>10</td>")
			.contains("我确认与该申报无利益冲突")
			.contains("data-testid=\"decline\"")
			.doesNotContain("data-testid=\"score-form\"");
		assertClean("assigned", assigned.body());
		Matcher attachment = Pattern.compile("href=\"(" + page + "/attachments/[0-9a-f-]{36})\"")
			.matcher(assigned.body());
		assertThat(attachment.find()).isTrue();
		assertThat(session.get(attachment.group(1)).body()).startsWith("%PDF");

		Response accepted = session.post(page + "/accept", page, Map.of("noConflict", "true"));
		assertThat(accepted.status()).isEqualTo(302);
		Response scoring = session.page(page);
		assertThat(scoring.body()).contains("已确认无利益冲突")
			.contains("data-testid=\"score-form\"")
			.contains("hx-trigger=\"input changed delay:1500ms\"")
			.contains("保存草稿")
			.contains("提交评分")
			.contains("<script src=\"/js/reviews.js\" defer></script>");
		assertClean("scoring", scoring.body());

		Response draft = session.post(page + "/score", page, scores("8", "", ""), true);
		assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
		assertThat(draft.body()).startsWith("<p id=\"draft-status\"")
			.contains("data-state=\"saved\"")
			.containsPattern("草稿已保存 \\d{2}:\\d{2}:\\d{2}")
			.doesNotContain("<html");
		assertThat(session.page(page).body()).contains("value=\"8\"");

		Response outOfRange = session.post(page + "/score", page, scores("11", "70", ""), false);
		assertThat(outOfRange.status()).isEqualTo(422);
		assertThat(outOfRange.body()).contains("data-testid=\"form-errors\"")
			.contains("“创新性”的分数：分数超出该指标的范围。")
			.contains("value=\"11\"");

		List<Map.Entry<String, String>> complete = new ArrayList<>(scores("9", "85", "论证充分，实验设计可行。"));
		complete.add(Map.entry("action", "submit"));
		Response submitted = session.post(page + "/score", page, complete, false);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		Response done = session.page(page);
		assertThat(done.body()).contains("评分已提交")
			.contains("data-testid=\"submitted-scores\"")
			.contains("<td>创新性</td><td>9</td>")
			.contains("论证充分，实验设计可行。")
			.doesNotContain("data-testid=\"score-form\"")
			.doesNotContain("data-testid=\"accept\"");
		assertThat(this.api.get("/api/v1/assignments/" + id, expert.token())
			.json()
			.get("assignment")
			.get("status")
			.asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void anExpertDeclinesOnlyWithAReason() {
		Review review = review(1, 1, true);
		Expert expert = expert(review, "婉拒专家" + Samples.unique("e"), null);
		assign(review, review.applications().get(0), expert);
		String page = "/expert/assignments/" + assignmentOf(review, review.applications().get(0), expert);
		PageSession session = signIn(expert.username(), EXPERT_PASSWORD);

		Response blank = session.post(page + "/decline", page, Map.of("reason", " "));
		Response declined = session.post(page + "/decline", page, Map.of("reason", "近三年与申报负责人合作发表论文"));

		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("data-testid=\"error-reason\"").contains("必填");
		assertThat(declined.status()).isEqualTo(302);
		assertThat(session.page(page).body()).contains("您已婉拒该评审：近三年与申报负责人合作发表论文")
			.contains("data-status=\"DECLINED\"")
			.doesNotContain("data-testid=\"accept\"");
	}

	@Test
	void anExpertGetsNotFoundOnAnotherExpertsAssignmentAndAnEnterpriseIsRefusedTheExpertsList() {
		Review review = review(1, 2, true);
		Expert first = expert(review, "甲专家" + Samples.unique("e"), null);
		Expert second = expert(review, "乙专家" + Samples.unique("e"), null);
		assign(review, review.applications().get(0), first);
		assign(review, review.applications().get(0), second);
		String firsts = assignmentOf(review, review.applications().get(0), first);
		String seconds = assignmentOf(review, review.applications().get(0), second);
		PageSession session = signIn(second.username(), EXPERT_PASSWORD);

		Response own = session.page("/expert/assignments/" + seconds);
		Response others = session.page("/expert/assignments/" + firsts);
		Response othersList = session.page("/expert/assignments");

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).doesNotContain(first.name());
		assertThat(others.status()).isEqualTo(404);
		assertThat(others.body()).doesNotContain(review.titles().get(0)).doesNotContain("Exception");
		assertThat(othersList.body()).doesNotContain(firsts).contains(seconds);
		assertThat(session
			.post("/expert/assignments/" + firsts + "/accept", "/expert/assignments/" + seconds,
					Map.of("noConflict", "true"))
			.status()).isEqualTo(404);
		assertThat(signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD).page("/expert/assignments").status())
			.isEqualTo(403);
	}

	@Test
	void theEnterpriseSetsThePlanFromTheFormAndWeightsNotSummingToHundredAreRefusedWithTheMessage() {
		Review review = review(1, 0, false);
		String page = "/enterprise/reviews/" + review.guideId();
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		Response list = enterprise.page("/enterprise/reviews");
		assertThat(list.body()).contains("<a href=\"/enterprise/reviews\" class=\"current\">企业评审</a>")
			.contains("data-guide=\"" + review.guideId() + "\"")
			.contains("未设置评审方案");
		Response blank = enterprise.page(page);
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("data-testid=\"no-plan\"").contains(review.titles().get(0));
		assertClean("plan", blank.body());
		Instant deadline = this.clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(9));
		String typedDeadline = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
			.withZone(PublishedGuides.SHANGHAI)
			.format(deadline);

		Response refused = enterprise.post(page + "/plan", page, plan("60", "30", typedDeadline), false);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"form-errors\"")
			.contains("各项指标权重之和须为 100。")
			.contains("value=\"30\"")
			.contains("权重合计 90 / 100");
		assertThat(this.api.get("/api/v1/guides/" + review.guideId() + "/review-plan", review.enterprise()).status())
			.isEqualTo(404);
		Response saved = enterprise.post(page + "/plan", page, plan("60", "40", typedDeadline), false);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		assertThat(enterprise.page(page).body()).contains("评审方案已保存")
			.contains("value=\"创新性\"")
			.contains("权重合计 100 / 100")
			.contains("value=\"" + typedDeadline + "\"");
		JsonNode stored = this.api.get("/api/v1/guides/" + review.guideId() + "/review-plan", review.enterprise())
			.json();
		assertThat(stored.get("criteria").size()).isEqualTo(2);
		assertThat(stored.get("expertsPerApplication").asInt()).isEqualTo(2);
		assertThat(stored.get("maxPerExpert").asInt()).isEqualTo(10);
		assertThat(Instant.parse(stored.get("scoringDeadline").asString())).isEqualTo(deadline);
	}

	@Test
	void theEnterprisePreviewsTheAutomaticPlanWhichChangesNothingThenAppliesIt() {
		Review review = review(2, 2, true);
		List<Expert> experts = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			experts.add(expert(review, "自动专家" + Samples.unique("e"), null));
		}
		String page = "/enterprise/reviews/" + review.guideId();
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		assertThat(enterprise.page(page).body()).contains("预览自动分配")
			.contains("hx-get=\"" + page + "/auto\"")
			.contains(experts.get(0).name());

		Response preview = enterprise.htmx(page + "/auto");
		Response fullPreview = enterprise.page(page + "/auto");

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).startsWith("<div id=\"auto-plan\"")
			.contains("自动分配预览：共 4 项指派")
			.contains("确认分配")
			.contains(review.titles().get(1))
			.doesNotContain("<html");
		assertThat(fullPreview.body()).contains("<html").contains("data-testid=\"auto-apply\"");
		assertThat(assignments(review)).isZero();
		Response applied = enterprise.post(page + "/auto", page, Map.of());
		assertThat(applied.status()).as(applied.toString()).isEqualTo(302);
		assertThat(assignments(review)).isEqualTo(4);
		Response after = enterprise.page(page);
		assertThat(after.body()).contains("已按自动分配方案指派专家").contains("专家 2 / 2").contains("待确认");
		assertThat(enterprise.page("/enterprise/reviews").body()).contains("data-testid=\"progress-experts\">4 / 4<");
		assertThat(enterprise.htmx(page + "/auto").body()).contains("无需分配")
			.doesNotContain("data-testid=\"auto-apply\"");
	}

	@Test
	void aConflictedExpertOrTooFewExpertsAreRefusedOnThePageSayingWhy() {
		Review review = review(2, 2, true);
		String jlu = this.api.get("/api/v1/me", this.api.token("jlu-admin")).json().get("organizationId").asString();
		Expert ofJlu = expert(review, "吉大专家" + Samples.unique("e"), jlu);
		Expert other = expert(review, "外单位专家" + Samples.unique("e"), null);
		// Three experts each: the department's pool has two more of JLU and one of NENU.
		assertThat(this.api
			.put("/api/v1/guides/" + review.guideId() + "/review-plan", review.enterprise(), Map.of("criteria",
					List.of(Map.of("name", "创新性", "weight", 100, "maxScore", 10)), "expertsPerApplication", 3))
			.status()).isEqualTo(200);
		String page = "/enterprise/reviews/" + review.guideId();
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);

		Response preview = enterprise.htmx(page + "/auto");
		Response insufficient = enterprise.post(page + "/auto", page, Map.of());
		Response conflicted = enterprise.post(page + "/assign", page,
				Map.of("applicationId", review.applications().get(0), "expertId", ofJlu.id()));
		Response noReason = enterprise.post(page + "/conflicts", page,
				Map.of("applicationId", review.applications().get(1), "expertId", other.id(), "reason", ""));
		Response added = enterprise.post(page + "/conflicts", page,
				Map.of("applicationId", review.applications().get(1), "expertId", other.id(), "reason", "曾与申报人合作发表论文"));
		Response byHand = enterprise.post(page + "/assign", page,
				Map.of("applicationId", review.applications().get(1), "expertId", other.id()));

		assertThat(preview.body()).contains("data-testid=\"auto-short\"")
			.contains(review.titles().get(0) + "：尚缺 1 位")
			.doesNotContain("data-testid=\"auto-apply\"");
		assertThat(insufficient.status()).isEqualTo(409);
		assertThat(insufficient.body()).contains("有 1 份申报无法配齐评审专家；未作任何指派").contains("data-testid=\"auto-short\"");
		assertThat(conflicted.status()).isEqualTo(409);
		assertThat(conflicted.body()).contains("专家“" + ofJlu.name() + "”与该申报存在利益冲突，须回避，不能指派。").contains("专家与申报人同单位。");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("必填");
		assertThat(added.status()).isEqualTo(302);
		assertThat(byHand.status()).isEqualTo(409);
		assertThat(byHand.body()).contains("企业登记的利益冲突。");
		assertThat(assignments(review)).isZero();
	}

	@Test
	void theEnterpriseSeesTheRankingAndSelectsOnlyWithAReasonWhenItDepartsFromItThenSeesTheNoticeButton() {
		Review review = scored();
		String page = "/enterprise/reviews/" + review.guideId();
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		Response ranking = enterprise.page(page);
		assertThat(ranking.body()).contains("data-testid=\"ranking-table\"")
			.containsSubsequence("90.00", "70.00", "50.00")
			.contains("data-limit=\"2\"")
			.doesNotContain("data-testid=\"open-notice\"");
		assertClean("ranking", ranking.body());
		Response workbook = enterprise.get(page + "/ranking.xlsx");
		assertThat(workbook.status()).isEqualTo(200);
		assertThat(workbook.body()).startsWith("PK");
		String first = review.applications().get(0);
		String third = review.applications().get(2);

		Response tooMany = enterprise.post(page + "/selection", page, selection(review.applications(), ""), false);
		Response skipping = enterprise.post(page + "/selection", page, selection(List.of(first, third), ""), false);
		Response withReason = enterprise.post(page + "/selection", page,
				selection(List.of(first, third), "第二名与企业现有产线不匹配"), false);

		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.body()).contains("拟入选 3 项，超过该指南的支持项目数 2 项。");
		assertThat(skipping.status()).isEqualTo(422);
		assertThat(skipping.body()).contains("未按评审排名遴选：排名更靠前的")
			.contains("data-testid=\"error-reason\"")
			.containsPattern("value=\"" + third + "\"[^>]*checked");
		assertThat(withReason.status()).as(withReason.toString()).isEqualTo(302);
		Response open = enterprise.page(page);
		assertThat(open.body()).contains("data-state=\"OPEN\"")
			.contains("已遴选，待公示")
			.contains("data-testid=\"open-notice\"")
			.contains("发布评审结果公示");
		assertClean("open", open.body());
		assertThat(status(first)).isEqualTo("SELECTED");
		assertThat(status(review.applications().get(1))).isEqualTo("UNDER_REVIEW");
	}

	@Test
	void anUpheldObjectionShowsTheBannerTheRedoneSelectionLetsTheNoticeCloseAndTheEnterpriseRecommends() {
		Review review = scored();
		String page = "/enterprise/reviews/" + review.guideId();
		String first = review.applications().get(0);
		String second = review.applications().get(1);
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		assertThat(enterprise.post(page + "/selection", page, selection(List.of(first, second), ""), false).status())
			.isEqualTo(302);

		Response opened = enterprise.post(page + "/notice", page, Map.of("title", "评审结果公示", "body", "公示五个工作日。"));

		assertThat(opened.status()).as(opened.toString()).isEqualTo(302);
		Matcher notice = Pattern.compile("/notices/([0-9a-f-]{36})$").matcher(opened.header("Location"));
		assertThat(notice.find()).isTrue();
		assertThat(enterprise.page("/notices/" + notice.group(1)).body()).contains("评审结果公示已发布")
			.contains(review.titles().get(1));
		assertThat(enterprise.page(page).body()).contains("data-state=\"NOTICE\"")
			.contains("href=\"/notices/" + notice.group(1) + "\"")
			.doesNotContain("data-testid=\"selection-reason\"");
		Response objection = this.api.postFrom(Api.someClientAddress(),
				"/api/v1/notices/" + notice.group(1) + "/objections", null, Map.of("subjectId", second, "name", "王某",
						"phone", "13800000000", "email", "w@example.com", "reason", "申报材料中的合作基础不实"));
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		assertThat(this.api
			.post("/api/v1/objections/" + objection.json().get("id").asString() + "/decide", review.enterprise(),
					Map.of("outcome", "UPHELD", "response", "经核实，合作基础描述不实，取消入选"))
			.status()).isEqualTo(200);

		Response reopened = enterprise.page(page);
		assertThat(reopened.body()).contains("data-testid=\"reopened-banner\"")
			.contains("异议成立，须重新遴选。")
			.contains(review.titles().get(1) + "：经核实，合作基础描述不实，取消入选")
			.containsPattern("value=\"" + second + "\"[^>]*disabled");
		this.clock.advance(Duration.ofDays(20));
		PageSession later = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		Response redone = later.post(page + "/selection", page,
				selection(List.of(first, review.applications().get(2)), ""), false);
		assertThat(redone.status()).as(redone.toString()).isEqualTo(302);
		String token = this.api.token(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		assertThat(this.api.post("/api/v1/notices/" + notice.group(1) + "/close", token, "{}").status()).isEqualTo(200);
		Response closed = later.page(page);
		assertThat(closed.body()).contains("data-state=\"CLOSED\"").contains("推荐 2 项入选项目至教育厅");

		Response recommended = later.post(page + "/recommend", page, Map.of());

		assertThat(recommended.status()).as(recommended.toString()).isEqualTo(302);
		assertThat(status(first)).isEqualTo("RECOMMENDED");
		assertThat(status(review.applications().get(2))).isEqualTo("RECOMMENDED");
		assertThat(status(second)).isEqualTo("NOT_SELECTED");
		assertThat(later.page(page).body()).contains("已将入选项目推荐至教育厅").doesNotContain("data-testid=\"recommend\"");
	}

	@Test
	void anotherEnterpriseGetsNotFoundOnTheGuidesReviewPage() {
		Review review = review(1, 1, true);
		Review elsewhere = review(1, 1, true);
		PageSession other = signIn(elsewhere.enterpriseUsername(), ENTERPRISE_PASSWORD);
		String page = "/enterprise/reviews/" + review.guideId();

		Response shown = other.page(page);
		Response selection = other.post(page + "/selection", "/enterprise/reviews/" + elsewhere.guideId(),
				Map.of("applicationId", review.applications().get(0)));

		assertThat(shown.status()).isEqualTo(404);
		assertThat(shown.body()).doesNotContain(review.titles().get(0));
		assertThat(selection.status()).isEqualTo(404);
		assertThat(other.get(page + "/ranking.xlsx").status()).isEqualTo(404);
		assertThat(other.page("/enterprise/reviews").body()).doesNotContain(review.guideId())
			.contains(elsewhere.guideId());
		assertThat(status(review.applications().get(0))).isEqualTo("ENDORSED");
	}

	@Test
	void theReviewPagesSpeakEnglishWhenTheLanguageIsSwitched() {
		Review review = review(1, 1, true);
		Expert expert = expert(review, "英文专家" + Samples.unique("e"), null);
		assign(review, review.applications().get(0), expert);
		String assignment = assignmentOf(review, review.applications().get(0), expert);
		PageSession session = signIn(expert.username(), EXPERT_PASSWORD);
		session.get("/lang?to=en&back=/");
		PageSession enterprise = signIn(review.enterpriseUsername(), ENTERPRISE_PASSWORD);
		enterprise.get("/lang?to=en&back=/");

		Response list = session.page("/expert/assignments");
		Response sheet = session.page("/expert/assignments/" + assignment);
		Response refused = enterprise.post("/enterprise/reviews/" + review.guideId() + "/plan",
				"/enterprise/reviews/" + review.guideId(), plan("50", "40", ""), false);

		assertThat(list.body()).contains("<html lang=\"en\">").contains("My review tasks").contains("To confirm");
		assertThat(sheet.body()).contains("I confirm I have no conflict of interest with this application")
			.contains("Decline the review")
			.contains("Criteria");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Review plan")
			.contains("Weights total 90 / 100")
			.contains("Automatic assignment")
			.contains("Ranking and selection")
			.doesNotContain("评审方案");
	}

	// Fixtures, as in ReviewsApiTests.

	/**
	 * A published guide offering two projects, {@code count} endorsed applications to it
	 * (the first from JLU, the others from NENU) and, when {@code planned}, its plan:
	 * criteria 60 (max 10) and 40 (max 100), {@code experts} experts each.
	 */
	private Review review(int count, int experts, boolean planned) {
		return review(count, experts, planned, true);
	}

	/** The same, the clock moved past the application window when {@code pastWindow}. */
	private Review review(int count, int experts, boolean planned, boolean pastWindow) {
		Batch batch = this.guides
			.batch(new org.xietong.batches.BatchRules.Overrides(null, null, null, null, null, null, null, null, null,
					java.util.Optional.empty(), java.util.Optional.empty(), null, null, null, null, null, null, null),
					"100000.00", 2, "CURRICULUM");
		List<String> applications = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String admin = (i == 0) ? "jlu-admin" : "nenu-admin";
			Teacher teacher = this.guides.teacher(admin);
			String title = "评审页面申报 " + Samples.unique("r");
			Response created = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications",
					teacher.token(), PublishedGuides.application(title));
			String id = created.json().get("id").asString();
			this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
					Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
			assertThat(this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}").status())
				.isEqualTo(200);
			assertThat(this.api.post("/api/v1/applications/" + id + "/endorse", this.api.token(admin), "{}").status())
				.isEqualTo(200);
			applications.add(id);
			titles.add(title);
		}
		// The review begins once the application window has closed (the clock is reset
		// after
		// each test); the enterprise signs in again.
		if (pastWindow) {
			this.guides.pastApplicationWindow(batch.id());
		}
		String enterprise = this.api.token(batch.enterprise().username(), "Secret#2024");
		if (planned) {
			Response plan = this.api.put("/api/v1/guides/" + batch.guideIds().get(0) + "/review-plan", enterprise,
					Map.of("criteria",
							List.of(Map.of("name", "创新性", "weight", 60, "maxScore", 10),
									Map.of("name", "可行性", "weight", 40, "maxScore", 100)),
							"expertsPerApplication", experts, "maxPerExpert", 30));
			assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		}
		return new Review(batch.id().toString(), batch.guideIds().get(0), enterprise, batch.enterprise().username(),
				applications, titles);
	}

	/** Three applications scored 90, 70 and 50 by one expert each. */
	private Review scored() {
		Review review = review(3, 1, true);
		Expert expert = expert(review, "排名专家" + Samples.unique("e"), null);
		for (int i = 0; i < 3; i++) {
			String application = review.applications().get(i);
			assertThat(assign(review, application, expert).status()).isEqualTo(200);
			String assignment = assignmentOf(review, application, expert);
			assertThat(this.api
				.post("/api/v1/assignments/" + assignment + "/accept", expert.token(), Map.of("noConflict", true))
				.status()).isEqualTo(200);
			Response scored = this.api.post("/api/v1/assignments/" + assignment + "/score", expert.token(),
					Map.of("scores", List.of(Map.of("criterion", "创新性", "score", 9 - 2 * i),
							Map.of("criterion", "可行性", "score", 90 - 20 * i)), "comment", "论证充分。"));
			assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
		}
		return review;
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
				Map.of("currentPassword", "Initial#2024", "newPassword", EXPERT_PASSWORD));
		return new Expert(created.json().get("id").asString(), username, name,
				this.api.token(username, EXPERT_PASSWORD));
	}

	private Response assign(Review review, String application, Expert expert) {
		return this.api.post("/api/v1/applications/" + application + "/assignments", review.enterprise(),
				Map.of("expertId", expert.id()));
	}

	private String assignmentOf(Review review, String application, Expert expert) {
		for (JsonNode item : this.api
			.get("/api/v1/assignments?guideId=" + review.guideId() + "&size=200", review.enterprise())
			.json()
			.get("items")) {
			if (item.get("applicationId").asString().equals(application)
					&& item.get("expertId").asString().equals(expert.id())) {
				return item.get("id").asString();
			}
		}
		throw new AssertionError("no assignment of " + expert.name());
	}

	private long assignments(Review review) {
		return this.api.get("/api/v1/assignments?guideId=" + review.guideId(), review.enterprise())
			.json()
			.get("total")
			.asLong();
	}

	private String status(String application) {
		return this.api.get("/api/v1/applications/" + application, this.api.token("dept"))
			.json()
			.get("status")
			.asString();
	}

	private PageSession signIn(String username, String password) {
		PageSession session = new PageSession(this.port);
		Response signedIn = session.signIn(username, password);
		assertThat(signedIn.header("Location")).as(username).endsWith("/home");
		return session;
	}

	private static List<Map.Entry<String, String>> scores(String innovation, String feasibility, String comment) {
		return List.of(Map.entry("criterion", "创新性"), Map.entry("score", innovation), Map.entry("criterion", "可行性"),
				Map.entry("score", feasibility), Map.entry("comment", comment));
	}

	private static List<Map.Entry<String, String>> plan(String innovation, String feasibility, String deadline) {
		return List.of(Map.entry("version", ""), Map.entry("criterionName", "创新性"),
				Map.entry("criterionWeight", innovation), Map.entry("criterionMax", "10"),
				Map.entry("criterionName", "可行性"), Map.entry("criterionWeight", feasibility),
				Map.entry("criterionMax", "100"), Map.entry("criterionName", ""), Map.entry("criterionWeight", ""),
				Map.entry("criterionMax", ""), Map.entry("expertsPerApplication", "2"),
				Map.entry("scoringDeadline", deadline), Map.entry("disagreementMargin", "15"),
				Map.entry("maxPerExpert", "10"));
	}

	private static List<Map.Entry<String, String>> selection(List<String> applications, String reason) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		applications.forEach(id -> fields.add(Map.entry("applicationId", id)));
		fields.add(Map.entry("reason", reason));
		return fields;
	}

	/**
	 * A page that a strict Content-Security-Policy serves whole: no inline script, style
	 * or event handler, and every POST form carries the CSRF token.
	 */
	private static void assertClean(String path, String body) {
		assertThat(body).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
		assertThat(body).as(path).doesNotContain("style=").doesNotContain("<style");
		assertThat(body).as(path).doesNotContainPattern("\\son[a-z]+=");
		for (Matcher form = Pattern.compile("<form method=\"post\"[^>]*>([\\s\\S]*?)</form>").matcher(body); form
			.find();) {
			assertThat(form.group(1)).as(path + ": every POST form carries the CSRF token").contains("name=\"_csrf\"");
		}
	}

	private record Review(String batchId, String guideId, String enterprise, String enterpriseUsername,
			List<String> applications, List<String> titles) {
	}

	private record Expert(String id, String username, String name, String token) {
	}

}
