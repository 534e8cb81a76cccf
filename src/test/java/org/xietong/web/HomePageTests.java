package org.xietong.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchSchedule;
import org.xietong.batches.BatchView;
import org.xietong.shared.KeyFigureSource;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home pages that steer a batch: the open batches with their phase, next deadline and
 * countdown (working days for notices), and the tasks of the steps that wait on someone.
 */
@PlatformTest
@Import(HomePageTests.OneFigure.class)
class HomePageTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

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
	void everyRoleSeesAnOpenBatchWithItsPhaseAndTheDaysLeftToItsNextDeadlineInsteadOfTheMenu() {
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		BatchView batch = batch(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));

		List<String> pages = new ArrayList<>();
		for (String user : List.of("dept", "jlu-teacher1", "auditor", "ent-auto")) {
			pages.add(card(home(user, false), batch.code()));
		}
		String english = card(home("jlu-teacher1", true), batch.code());
		String whole = home("dept", false);

		assertThat(pages).allSatisfy(card -> assertThat(card).contains(batch.title())
			.contains("指南征集")
			.contains("指南征集截止")
			.contains("还有 3 天"));
		assertThat(english).contains("Guide submission").contains("3 days left");
		assertThat(whole).doesNotContain("常用功能").contains("id=\"my-tasks\"");
	}

	@Test
	void aRunningNoticeCountsDownInWorkingDaysAcrossTheNationalDayHoliday() {
		// Friday 27 September 2024: five working days run to 9 October (29 September is a
		// make-up working day, 1 to 7 October the holiday).
		this.clock.set(at(2024, 9, 27, 10));
		Instant now = this.clock.instant();
		BatchView batch = batch(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
		Response notice = this.api.post("/api/v1/notices", this.api.token("dept"),
				Map.of("batchId", batch.id().toString(), "kind", "GENERAL", "title", "批次安排公示", "body", "公示五个工作日。"));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		String id = notice.json().get("id").asString();

		String opened = line(card(home("jlu-teacher1", false), batch.code()), id);
		this.clock.set(at(2024, 10, 1, 12));
		String holiday = line(card(home("jlu-teacher1", false), batch.code()), id);
		String english = line(card(home("jlu-teacher1", true), batch.code()), id);
		this.clock.set(at(2024, 10, 10, 9));
		String ended = line(card(home("jlu-teacher1", false), batch.code()), id);

		assertThat(opened).contains("公示至 2024-10-09 23:59").contains("还有 5 个工作日");
		assertThat(holiday).contains("还有 2 个工作日");
		assertThat(english).contains("2 working days left");
		assertThat(ended).contains("公示期已满");
	}

	@Test
	void aTeacherWithoutAnApplicationIsAskedToApplyWhileTheWindowIsOpenAndNoOneElseIs() {
		PublishedGuides guides = new PublishedGuides(this.api, this.batches, this.clock);
		PublishedGuides.Batch batch = guides.batch(null, "20000.00", "CURRICULUM");
		BatchSchedule schedule = this.batches.find(batch.id()).orElseThrow().schedule();
		PublishedGuides.Teacher teacher = guides.teacher("jlu-admin");
		String link = "/catalogue?batchId=" + batch.id();

		List<JsonNode> open = tasks(teacher.token(), link);
		List<JsonNode> others = new ArrayList<>(tasks(this.api.token("jlu-admin"), link));
		others.addAll(tasks(batch.enterprise().token(), link));
		others.addAll(tasks(this.api.token("dept"), link));
		this.clock.set(schedule.applicationOpens().minusSeconds(60));
		List<JsonNode> before = tasks(this.api.token(teacher.username(), "Changed#2025"), link);
		this.clock.reset();
		Response draft = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications", teacher.token(),
				PublishedGuides.application("申报待办测试"));
		List<JsonNode> applied = tasks(teacher.token(), link);

		assertThat(open).singleElement().satisfies(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("APPLICATION_TO_APPLY");
			assertThat(OffsetDateTime.parse(task.get("deadline").asString()).toInstant())
				.isEqualTo(schedule.applicationCloses());
		});
		assertThat(others).isEmpty();
		assertThat(before).isEmpty();
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		assertThat(applied).isEmpty();
	}

	@Test
	void aMissingCalendarYearIsATaskForTheOfficerAndTheSystemAdministratorUntilItIsEntered() {
		this.clock.set(at(2024, 6, 3, 9));
		List<JsonNode> shipped = tasks(this.api.token("dept"), "/calendar");
		this.clock.set(at(2031, 6, 2, 9));
		try {
			List<JsonNode> dept = tasks(this.api.token("dept"), "/calendar");
			List<JsonNode> admin = tasks(this.api.token("sysadmin"), "/calendar");
			List<JsonNode> others = new ArrayList<>(tasks(this.api.token("jlu-teacher1"), "/calendar"));
			others.addAll(tasks(this.api.token("auditor"), "/calendar"));
			others.addAll(tasks(this.api.token("ent-auto"), "/calendar"));
			Response entered = this.api.put("/api/v1/calendar/2032", this.api.token("dept"),
					Map.of("holidays", List.of("2032-01-01"), "makeupWorkdays", List.of()));
			List<JsonNode> after = tasks(this.api.token("dept"), "/calendar");

			assertThat(shipped).isEmpty();
			assertThat(dept).extracting(task -> task.get("title").asString())
				.containsExactly("录入 2031 年的节假日与调休安排：缺少时公示期按周一至周五计算", "录入 2032 年的节假日与调休安排：缺少时公示期按周一至周五计算");
			assertThat(dept).extracting(task -> OffsetDateTime.parse(task.get("deadline").asString()).toInstant())
				.containsExactly(at(2031, 1, 1, 0), at(2032, 1, 1, 0));
			assertThat(admin).hasSize(2);
			assertThat(others).isEmpty();
			assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
			assertThat(after).extracting(task -> task.get("title").asString())
				.singleElement()
				.asString()
				.contains("2031");
		}
		finally {
			this.jdbc.sql("DELETE FROM calendar_days WHERE calendar_year = 2032").update();
			this.jdbc.sql("DELETE FROM calendar_years WHERE calendar_year = 2032").update();
		}
	}

	@Test
	void theKeyFiguresAModuleGivesARoleStandBesideItsTasksAndNoOneElseSeesThem() {
		String dept = home("dept", false);
		String teacher = home("jlu-teacher1", false);

		Matcher figures = Pattern.compile("<section class=\"panel\" id=\"key-figures\".*?</section>", Pattern.DOTALL)
			.matcher(dept);
		assertThat(figures.find()).isTrue();
		assertThat(figures.group()).contains("关键数据")
			.contains("<dt>待审核的企业：7 家</dt>")
			.contains("<a href=\"/enterprises?status=PENDING_REVIEW\">7</a>");
		assertThat(dept).contains("class=\"grid-2\"");
		assertThat(teacher).doesNotContain("id=\"key-figures\"").contains("class=\"home-tasks\"");
	}

	/** A module's figure for the department officer only, as the statistics will give. */
	@TestConfiguration
	static class OneFigure {

		@Bean
		KeyFigureSource oneFigure() {
			return (userId, actor) -> actor.roleName().equals("DEPARTMENT_OFFICER")
					? List.of(new KeyFigureSource.KeyFigure("task.enterprises.review", List.of("7"), "7",
							"/enterprises?status=PENDING_REVIEW"))
					: List.of();
		}

	}

	// Fixtures.

	/** A batch whose guide submission runs from {@code opens} to {@code closes}. */
	private BatchView batch(Instant opens, Instant closes) {
		String code = Samples.unique("HM");
		return this.batches.create(BatchDefinition.withNoticeRules(code, "首页测试批次 " + code,
				LocalDateTime.ofInstant(opens, SHANGHAI).getYear(),
				new BatchSchedule(opens, closes, closes.plus(Duration.ofDays(20)), closes.plus(Duration.ofDays(30)),
						closes.plus(Duration.ofDays(60)))));
	}

	private static Instant at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).atZone(SHANGHAI).toInstant();
	}

	private String home(String username, boolean english) {
		PageSession session = new PageSession(this.port);
		session.signIn(username, Api.DEMO_PASSWORD);
		if (english) {
			session.get("/lang?to=en&back=/home");
		}
		Response home = session.page("/home");
		assertThat(home.status()).as(home.toString()).isEqualTo(200);
		return home.body();
	}

	/** The batch's card on a home page. */
	private static String card(String page, String code) {
		Matcher card = Pattern
			.compile("<article class=\"card batch-card\" data-batch=\"" + Pattern.quote(code) + "\">(.*?)</article>",
					Pattern.DOTALL)
			.matcher(page);
		assertThat(card.find()).as("card of " + code).isTrue();
		return card.group(1);
	}

	/** The notice's line on a card. */
	private static String line(String card, String noticeId) {
		Matcher line = Pattern.compile("<li data-notice=\"" + noticeId + "\">(.*?)</li>", Pattern.DOTALL).matcher(card);
		assertThat(line.find()).as("notice " + noticeId).isTrue();
		return line.group(1);
	}

	/** The user's tasks linking to {@code link}. */
	private List<JsonNode> tasks(String token, String link) {
		Response tasks = this.api.get("/api/v1/me/tasks", token);
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		tasks.json().forEach(task -> {
			if (task.get("link").asString().equals(link)) {
				found.add(task);
			}
		});
		return found;
	}

}
