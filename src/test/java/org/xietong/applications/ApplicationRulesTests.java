package org.xietong.applications;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.notifications.MailOutbox;
import org.xietong.projects.Projects;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules around an application: one submission however often it is sent, the teacher's
 * yearly limit, the university's caps and a leader's overdue project refused before
 * anything changes, the return by e-mail, withdrawal, reminders and tasks.
 */
@PlatformTest
@TestPropertySource(
		properties = { "spring.mail.host=localhost", "spring.mail.port=3025", "xietong.mail.dispatch-interval=PT1H" })
class ApplicationRulesTests {

	/**
	 * The teachers whose projects are past their end date, as the tests say: the projects
	 * module does not answer {@link LedProjects#overdue} yet.
	 */
	static final Set<UUID> OVERDUE_LEADERS = ConcurrentHashMap.newKeySet();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailOutbox outbox;

	@Autowired
	DraftReminders reminders;

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
	void twentyConcurrentIdenticalSubmitsMakeOneSubmissionAndOneReceipt() throws Exception {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher withKey = this.guides.teacher("jlu-admin");
		Teacher withoutKey = this.guides.teacher("jlu-admin");
		String keyed = ready(batch, withKey, 0);
		String unkeyed = ready(batch, withoutKey, 0);

		List<Response> keyedAnswers = concurrently(20,
				() -> this.api.send(this.api.request("/api/v1/applications/" + keyed + "/submit", withKey.token())
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", "submit-" + keyed)
					.POST(HttpRequest.BodyPublishers.ofString("{}"))));
		List<Response> unkeyedAnswers = concurrently(20,
				() -> this.api.post("/api/v1/applications/" + unkeyed + "/submit", withoutKey.token(), "{}"));

		assertThat(receipts(keyed)).isOne();
		assertThat(receipts(unkeyed)).isOne();
		assertThat(keyedAnswers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 409));
		assertThat(keyedAnswers.stream().filter(answer -> answer.status() == 409))
			.allSatisfy(answer -> assertThat(answer.code()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS"));
		assertThat(keyedAnswers.stream().filter(answer -> answer.status() == 200).map(this::receiptNumber).distinct())
			.hasSize(1);
		assertThat(unkeyedAnswers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
		assertThat(unkeyedAnswers.stream().map(this::receiptNumber).distinct()).hasSize(1);
		assertThat(this.api.get("/api/v1/applications/" + unkeyed, withoutKey.token())
			.json()
			.get("submissionCount")
			.asInt()).isOne();
	}

	@Test
	void overTheYearlyLimitTheFormSaysSoAndSubmittingIsRefusedWithoutChange() {
		Batch batch = this.guides.batch(rules(1, null, null), "20000.00", "CURRICULUM", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String first = ready(batch, teacher, 0);
		String second = ready(batch, teacher, 1);
		assertThat(this.api.post("/api/v1/applications/" + first + "/submit", teacher.token(), "{}").status())
			.isEqualTo(200);

		Response check = this.api.get("/api/v1/applications/" + second + "/submission", teacher.token());
		Response refused = this.api.post("/api/v1/applications/" + second + "/submit", teacher.token(), "{}");

		assertThat(check.json().get("applicationsThisYear").get("used").asLong()).isOne();
		assertThat(check.json().get("applicationsThisYear").get("limit").asInt()).isOne();
		assertThat(check.json().get("canSubmit").asBoolean()).isFalse();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().get("detail").asString()).contains("1");
		assertThat(this.api.get("/api/v1/applications/" + second, teacher.token()).json().get("status").asString())
			.isEqualTo("DRAFT");
		assertThat(receipts(second)).isZero();
	}

	@Test
	void theUniversitysCapPerEnterpriseRefusesTheEndorsementBeyondItAndShowsTheUsage() {
		Batch batch = this.guides.batch(rules(null, 1, null), "20000.00", "CURRICULUM", "TEACHER_TRAINING");
		Teacher one = this.guides.teacher("nenu-admin");
		Teacher two = this.guides.teacher("nenu-admin");
		String first = ready(batch, one, 0);
		String second = ready(batch, two, 1);
		this.api.post("/api/v1/applications/" + first + "/submit", one.token(), "{}");
		this.api.post("/api/v1/applications/" + second + "/submit", two.token(), "{}");
		String admin = this.api.token("nenu-admin");

		Response endorsed = this.api.post("/api/v1/applications/" + first + "/endorse", admin, "{}");
		Response refused = this.api.post("/api/v1/applications/" + second + "/endorse", admin, "{}");
		Response usage = this.api
			.get("/api/v1/universities/" + one.universityId() + "/endorsements?batchId=" + batch.id(), admin);

		assertThat(endorsed.status()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(refused.json().get("detail").asString()).contains(batch.enterprise().name());
		assertThat(this.api.get("/api/v1/applications/" + second, admin).json().get("status").asString())
			.isEqualTo("SUBMITTED");
		assertThat(usage.json().get(0).get("used").asLong()).isOne();
		assertThat(usage.json().get(0).get("cap").asInt()).isOne();
		assertThat(usage.json().get(0).get("waiting").asLong()).isOne();
		assertThat(this.api
			.get("/api/v1/universities/" + one.universityId() + "/endorsements?batchId=" + batch.id(),
					this.api.token("jlu-admin"))
			.status()).isEqualTo(404);
	}

	@Test
	void aReturnedApplicationIsMailedToItsLeaderAndResubmittedWithASecondReceipt() throws Exception {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher, 0);
		this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");

		Response returned = this.api.post("/api/v1/applications/" + id + "/return", this.api.token("jlu-admin"),
				Map.of("reason", "请补充合作企业的配套条件"));
		assertThat(returned.status()).isEqualTo(200);
		assertThat(returned.json().get("returnReason").asString()).isEqualTo("请补充合作企业的配套条件");
		String address = teacher.username() + "@teachers.example.com";
		await().atMost(Duration.ofSeconds(10)).until(() -> mailStatus(address, "inbox.APPLICATION_RETURNED") != null);
		for (int i = 0; i < 50 && !"SENT".equals(mailStatus(address, "inbox.APPLICATION_RETURNED")); i++) {
			this.outbox.dispatch();
		}

		MimeMessage mail = returnedMail(address);
		assertThat(mail.getSubject()).contains("退回").contains("课程建设");
		assertThat(GreenMailUtil.getBody(mail)).isNotEmpty();
		Response again = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("receipt").get("number").asString()).endsWith("-2");
		assertThat(again.json().get("returnReason").isNull()).isTrue();
	}

	@Test
	void theReturnMailWaitsWhileTheServerIsDownAndIsDeliveredLater() throws Exception {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher, 0);
		this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		String address = teacher.username() + "@teachers.example.com";
		smtp.stop();
		this.api.post("/api/v1/applications/" + id + "/return", this.api.token("jlu-admin"), Map.of("reason", "预算需细化"));
		await().atMost(Duration.ofSeconds(10)).until(() -> mailStatus(address, "inbox.APPLICATION_RETURNED") != null);
		for (int i = 0; i < 50 && attempts(address) == 0; i++) {
			this.outbox.dispatch();
		}
		assertThat(mailStatus(address, "inbox.APPLICATION_RETURNED")).isEqualTo("PENDING");

		smtp.start();
		this.clock.advance(Duration.ofMinutes(3));
		for (int i = 0; i < 50 && !"SENT".equals(mailStatus(address, "inbox.APPLICATION_RETURNED")); i++) {
			this.outbox.dispatch();
		}

		assertThat(mailStatus(address, "inbox.APPLICATION_RETURNED")).isEqualTo("SENT");
		assertThat(GreenMailUtil.getBody(returnedMail(address))).isNotEmpty();
	}

	@Test
	void aBudgetOverTheGuidesCashOrAFormThatIsNotAPdfIsRefusedAndNamed() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		Map<String, Object> body = PublishedGuides.application("超预算申报");
		body.put("budget", List.of(Map.of("category", "设备费", "amount", "20000.01")));
		String id = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications", teacher.token(), body)
			.json()
			.get("id")
			.asString();
		byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };

		Response notPdf = this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
				Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", png);
		this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
				Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
		Response refused = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");

		assertThat(notPdf.status()).isEqualTo(415);
		assertThat(notPdf.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("BUDGET_EXCEEDS_CASH");
		assertThat(this.api.get("/api/v1/applications/" + id, teacher.token()).json().get("attachments").size())
			.isOne();
	}

	@Test
	void aChangeFromAnOlderVersionIsRefusedAndTheSecondDraftToTheSameGuideToo() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		Response created = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications", teacher.token(),
				PublishedGuides.application("初稿"));
		String id = created.json().get("id").asString();
		Map<String, Object> body = PublishedGuides.application("第二稿");
		body.put("version", created.json().get("version").asLong());
		assertThat(this.api.put("/api/v1/applications/" + id, teacher.token(), body).status()).isEqualTo(200);

		Response stale = this.api.put("/api/v1/applications/" + id, teacher.token(), body);
		Response duplicate = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications",
				teacher.token(), PublishedGuides.application("又一份"));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.code()).isEqualTo("DUPLICATE_APPLICATION");
		assertThat(this.api.get("/api/v1/applications/" + id, teacher.token()).json().get("title").asString())
			.isEqualTo("第二稿");
	}

	@Test
	void fiftyConcurrentDraftsOfOneTeacherToOneGuideMakeOneAndRefuseTheRestAsDuplicates() throws Exception {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String guide = batch.guideIds().get(0);

		List<Response> answers = concurrently(50, () -> this.api.post("/api/v1/guides/" + guide + "/applications",
				teacher.token(), PublishedGuides.application("同时提交的草稿")));

		assertThat(answers.stream()
			.map(answer -> (answer.status() == 201) ? "201" : answer.status() + " " + answer.code()))
			.containsOnlyOnce("201")
			.containsOnly("201", "409 DUPLICATE_APPLICATION");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM applications WHERE leader_id = :leader AND guide_id = :guide")
			.param("leader", UUID.fromString(teacher.id()))
			.param("guide", UUID.fromString(guide))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aWithdrawnApplicationLeavesTheQueueAndFreesTheGuideForANewOne() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher, 0);
		this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");

		Response withdrawn = this.api.post("/api/v1/applications/" + id + "/withdraw", teacher.token(),
				Map.of("reason", "团队调整"));
		Response endorse = this.api.post("/api/v1/applications/" + id + "/endorse", this.api.token("jlu-admin"), "{}");
		Response anew = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications", teacher.token(),
				PublishedGuides.application("重新申报"));

		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(endorse.status()).isEqualTo(409);
		assertThat(endorse.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(anew.status()).isEqualTo(201);
		Response check = this.api.get("/api/v1/applications/" + anew.json().get("id").asString() + "/submission",
				teacher.token());
		assertThat(check.json().get("applicationsThisYear").get("used").asLong()).isZero();
	}

	@Test
	void draftsAreRemindedThreeDaysAndOneDayBeforeTheCloseOnceEachAndShowAsTasks() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher, 0);
		var closes = this.batches.find(batch.id()).orElseThrow().schedule().applicationCloses();

		Response tasks = this.api.get("/api/v1/me/tasks", teacher.token());
		assertThat(tasks.json()).anySatisfy(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("APPLICATION_DRAFT");
			assertThat(task.get("link").asString()).isEqualTo("/applications/" + id + "/edit");
			assertThat(task.get("deadline").asString()).isNotEmpty();
		});

		this.clock.set(closes.minus(Duration.ofDays(4)));
		this.reminders.remind();
		assertThat(reminded(id)).isZero();
		this.clock.set(closes.minus(Duration.ofDays(2)));
		this.reminders.remind();
		this.reminders.remind();
		assertThat(reminded(id)).isOne();
		this.clock.set(closes.minus(Duration.ofHours(12)));
		this.reminders.remind();
		assertThat(reminded(id)).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("""
					SELECT COUNT(*) FROM inbox_messages WHERE recipient_id = :teacher
					AND message_key = 'inbox.APPLICATION_DEADLINE'""")
				.param("teacher", UUID.fromString(teacher.id()))
				.query(Long.class)
				.single() == 2);

		this.clock.reset();
		this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		Response university = this.api.get("/api/v1/me/tasks", this.api.token("jlu-admin"));
		assertThat(university.json()).anySatisfy(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("APPLICATION_ENDORSE");
			assertThat(task.get("link").asString()).contains(batch.id().toString());
		});
	}

	@Test
	void aLeaderOfAnOverdueProjectCannotSubmitWhereTheBatchSaysSoAndCanWhereItDoesNot() {
		Batch blocking = this.guides.batch(null, "20000.00", "CURRICULUM");
		Batch lenient = this.guides.batch(overdueBlocks(false), "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		Teacher punctual = this.guides.teacher("jlu-admin");
		OVERDUE_LEADERS.add(UUID.fromString(teacher.id()));
		String refusedHere = ready(blocking, teacher, 0);
		String allowedThere = ready(lenient, teacher, 0);
		String punctualOne = ready(blocking, punctual, 0);

		Response check = this.api.get("/api/v1/applications/" + refusedHere + "/submission", teacher.token());
		Response refused = this.api.post("/api/v1/applications/" + refusedHere + "/submit", teacher.token(), "{}");

		assertThat(check.json().get("overdueProjects").get("count").asLong()).isOne();
		assertThat(check.json().get("overdueProjects").get("blocksApplications").asBoolean()).isTrue();
		assertThat(check.json().get("problems")).isEmpty();
		assertThat(check.json().get("canSubmit").asBoolean()).isFalse();
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("OVERDUE_PROJECT");
		assertThat(refused.json().get("detail").asString()).contains("1");
		assertThat(this.api.get("/api/v1/applications/" + refusedHere, teacher.token()).json().get("status").asString())
			.isEqualTo("DRAFT");
		assertThat(receipts(refusedHere)).isZero();

		Response lenientCheck = this.api.get("/api/v1/applications/" + allowedThere + "/submission", teacher.token());
		assertThat(lenientCheck.json().get("overdueProjects").get("count").asLong()).isOne();
		assertThat(lenientCheck.json().get("overdueProjects").get("blocksApplications").asBoolean()).isFalse();
		assertThat(lenientCheck.json().get("canSubmit").asBoolean()).isTrue();
		Response allowed = this.api.post("/api/v1/applications/" + allowedThere + "/submit", teacher.token(), "{}");
		assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
		assertThat(receipts(allowedThere)).isOne();

		Response punctualAnswer = this.api.post("/api/v1/applications/" + punctualOne + "/submit", punctual.token(),
				"{}");
		assertThat(punctualAnswer.status()).as(punctualAnswer.body()).isEqualTo(200);
	}

	private long reminded(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM application_reminders WHERE application_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single();
	}

	private static BatchRules.Overrides rules(Integer perTeacher, Integer perEnterprise, Integer perType) {
		return new BatchRules.Overrides(null, null, null, null, null, null, perTeacher, null, null,
				(perEnterprise == null) ? null : java.util.Optional.of(perEnterprise),
				(perType == null) ? null : java.util.Optional.of(perType), null, null, null, null, null, null, null);
	}

	private static BatchRules.Overrides overdueBlocks(boolean blocks) {
		return new BatchRules.Overrides(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, blocks);
	}

	private String ready(Batch batch, Teacher teacher, int guide) {
		Response created = this.api.post("/api/v1/guides/" + batch.guideIds().get(guide) + "/applications",
				teacher.token(), PublishedGuides.application("课程建设 " + Samples.unique("r")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.api
			.upload("/api/v1/applications/" + id + "/attachments", teacher.token(), Map.of("kind", "APPLICATION_FORM"),
					"申报书.pdf", Samples.pdf())
			.status()).isEqualTo(201);
		return id;
	}

	private long receipts(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM application_receipts WHERE application_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single();
	}

	private String receiptNumber(Response answer) {
		return answer.json().get("receipt").get("number").asString();
	}

	private String mailStatus(String address, String key) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE to_address = :to AND message_key = :key")
			.param("to", address)
			.param("key", key)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private int attempts(String address) {
		return this.jdbc.sql("SELECT attempts FROM mail_outbox WHERE to_address = :to AND message_key = :key")
			.param("to", address)
			.param("key", "inbox.APPLICATION_RETURNED")
			.query(Integer.class)
			.single();
	}

	/** The mail to the address that tells of a return. */
	private static MimeMessage returnedMail(String address) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains("退回")) {
				return message;
			}
		}
		throw new AssertionError("no mail to " + address);
	}

	private static List<Response> concurrently(int times, java.util.function.Supplier<Response> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(times);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.get();
				}));
			}
			start.countDown();
			List<Response> answers = new ArrayList<>();
			for (Future<Response> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Answers {@link LedProjects#overdue} from {@link #OVERDUE_LEADERS}, and everything
	 * else as the projects module does; primary, so that applications ask it rather than
	 * the projects module.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class OverdueLeaders {

		@Bean
		@Primary
		LedProjects overdueLeaders(Projects projects) {
			return new LedProjects() {

				@Override
				public long inProgress(UUID teacherId) {
					return projects.inProgress(teacherId);
				}

				@Override
				public long overdue(UUID teacherId) {
					return OVERDUE_LEADERS.contains(teacherId) ? 1 : 0;
				}

			};
		}

	}

}
