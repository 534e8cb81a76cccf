package org.xietong.projects;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.xietong.support.PublishedProjects.Expert;
import org.xietong.support.PublishedProjects.Published;
import org.xietong.support.PublishedProjects.Project;
import org.xietong.support.PublishedProjects;
import org.xietong.support.RecommendedApplications;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's life after approval over HTTP: the agreement against the approved amounts,
 * change requests, completion and acceptance, the completion list and a verified
 * certificate.
 */
@PlatformTest
class ProjectLifecycleApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	PublishedProjects projects;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.projects = new PublishedProjects(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aProjectRunsFromApprovalToThePublishedCompletionListAndAVerifiedCertificate() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String dept = this.api.token("dept");
		String university = this.api.token(project.universityAdmin());
		String enterprise = published.batch().enterprise().token();

		// The agreement: a fen off is refused with the field named; the right one runs.
		Response offByAFen = agreement(project, project.cash().add(new java.math.BigDecimal("0.01")).toPlainString());
		Response nothingSaved = this.api.get(path(project, "/agreement"), project.teacherToken());
		Response submitted = agreement(project, project.cash().toPlainString());
		Response confirmedEarly = this.api.post(path(project, "/agreement/confirm"), enterprise, "{}");
		Response checked = this.api.post(path(project, "/agreement/check"), university, "{}");
		Response confirmed = this.api.post(path(project, "/agreement/confirm"), enterprise, "{}");

		assertThat(offByAFen.status()).isEqualTo(422);
		assertThat(offByAFen.code()).isEqualTo("AGREEMENT_MISMATCH");
		assertThat(offByAFen.json().get("errors").get(0).get("field").asString()).isEqualTo("cashTotal");
		assertThat(offByAFen.header("Content-Type")).startsWith("application/problem+json");
		assertThat(nothingSaved.status()).isEqualTo(404);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(confirmedEarly.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(checked.json().get("status").asString()).isEqualTo("CHECKED");
		assertThat(confirmed.json().get("status").asString()).as(confirmed.toString()).isEqualTo("CONFIRMED");
		assertThat(status(project)).isEqualTo("IN_PROGRESS");

		// One extension, approved by the enterprise and then the department.
		LocalDate ends = LocalDate.parse(this.api.get(path(project, ""), dept).json().get("endsOn").asString());
		Response asked = this.api.post(path(project, "/changes"), project.teacherToken(),
				Map.of("kind", "EXTENSION", "newEndsOn", ends.plusMonths(6).toString(), "reason", "校企联合实验室搬迁，需延期半年"));
		String changeId = asked.json().get("id").asString();
		Response byEnterprise = this.api.post("/api/v1/changes/" + changeId + "/approve", enterprise, "{}");
		Response byDepartment = this.api.post("/api/v1/changes/" + changeId + "/approve", dept, "{}");
		Response second = this.api.post(path(project, "/changes"), project.teacherToken(),
				Map.of("kind", "EXTENSION", "newEndsOn", ends.plusMonths(9).toString(), "reason", "再延期三个月"));

		assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/changes/" + changeId, university).json().get("status").asString())
			.isEqualTo("APPROVED");
		assertThat(this.api
			.get("/api/v1/changes/" + changeId,
					this.api.token(project.universityAdmin().equals("jlu-admin") ? "nenu-admin" : "jlu-admin"))
			.status()).isEqualTo(404);
		assertThat(byEnterprise.json().get("status").asString()).isEqualTo("ENTERPRISE_APPROVED");
		assertThat(byDepartment.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(this.api.get(path(project, ""), dept).json().get("endsOn").asString())
			.isEqualTo(ends.plusMonths(6).toString());
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("QUOTA_EXCEEDED");

		// Completion, consent, an acceptance expert, the conclusion.
		Response requested = this.api.post(path(project, "/completion"), project.teacherToken(),
				Map.of("report", "课程已建成并开设两轮，实验项目全部完成。", "outcomes",
						List.of(Map.of("kind", "COURSE", "title", "智能网联汽车导论", "description", "32 学时"),
								Map.of("kind", "TEXTBOOK", "title", "智能网联汽车实验指导书", "description", "校内讲义")),
						"fundUsage", List.of(Map.of("category", "设备费", "amount", project.cash().toPlainString()))));
		Response outcomeFile = this.api.upload(path(project, "/completion/outcomes/0/file"), project.teacherToken(),
				Map.of(), "课程大纲.pdf", Samples.pdf());
		var outcomeDownload = this.api.download(path(project, "/completion/outcomes/0/file"), enterprise);
		var agreementDownload = this.api.download(path(project, "/agreement/file"), university);
		Response consented = this.api.post(path(project, "/completion/consent"), university, "{}");
		Expert expert = expert(enterprise);
		Response assigned = this.api.post(path(project, "/acceptance/assignments"), enterprise,
				Map.of("expertId", expert.id()));
		Response concludedEarly = this.api.post(path(project, "/acceptance/conclude"), enterprise,
				Map.of("conclusion", "PASS", "comment", "通过"));
		Response expertConcluded = this.api.post(
				"/api/v1/acceptance-assignments/" + assigned.json().get("id").asString() + "/conclude", expert.token(),
				Map.of("conclusion", "PASS", "comment", "成果完整，经费使用合规。"));
		Response concluded = this.api.post(path(project, "/acceptance/conclude"), enterprise,
				Map.of("conclusion", "PASS", "comment", "同意通过验收。"));

		assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
		assertThat(outcomeFile.status()).as(outcomeFile.toString()).isEqualTo(200);
		assertThat(outcomeFile.json().get("outcomes").get(0).get("fileId").isNull()).isFalse();
		assertThat(outcomeDownload.statusCode()).isEqualTo(200);
		assertThat(outcomeDownload.body()).isEqualTo(Samples.pdf());
		assertThat(agreementDownload.statusCode()).isEqualTo(200);
		assertThat(consented.status()).as(consented.toString()).isEqualTo(200);
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		String assignment = "/api/v1/acceptance-assignments/" + assigned.json().get("id").asString();
		assertThat(this.api.get(assignment, expert.token()).json().get("expertId").asString()).isEqualTo(expert.id());
		assertThat(this.api.get(assignment, enterprise).status()).isEqualTo(200);
		assertThat(this.api.get(assignment, university).status()).isEqualTo(403);
		assertThat(concludedEarly.code()).isEqualTo("EXPERTS_NOT_CONCLUDED");
		assertThat(expertConcluded.status()).as(expertConcluded.toString()).isEqualTo(200);
		assertThat(concluded.json().get("conclusion").asString()).as(concluded.toString()).isEqualTo("PASS");
		assertThat(status(project)).isEqualTo("UNDER_ACCEPTANCE");

		// The completion list and the certificate.
		Response notice = this.api.post("/api/v1/notices", dept,
				Map.of("batchId", published.batch().batchId().toString(), "kind", "COMPLETIONS", "title", "结题公示",
						"body", "公示五个工作日。", "subjectIds", List.of(project.id())));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		closeNotice(notice);
		dept = this.api.token("dept");
		Response publication = this.api.post("/api/v1/batches/" + published.batch().batchId() + "/completions/publish",
				dept, "{}");
		JsonNode list = this.api.get("/api/v1/batches/" + published.batch().batchId() + "/completions", null).json();
		JsonNode certificate = this.api.get(path(project, "/certificate"), project.teacherToken()).json();
		String number = certificate.get("certificateNumber").asString();
		String code = certificate.get("verificationCode").asString();
		JsonNode valid = this.api.get("/api/v1/verify/certificates/" + number + "?code=" + code, null).json();
		JsonNode wrongCode = this.api.get("/api/v1/verify/certificates/" + number + "?code=AAAAAAAAAA", null).json();
		JsonNode unknown = this.api.get("/api/v1/verify/certificates/JX-1900-JL-0001?code=" + code, null).json();
		JsonNode verified = this.api.get("/api/v1/verify/projects/" + project.number(), null).json();

		assertThat(publication.status()).as(publication.toString()).isEqualTo(200);
		assertThat(publication.json().get("published").asInt()).isOne();
		assertThat(status(project)).isEqualTo("COMPLETED");
		assertThat(list.get("total").asLong()).isOne();
		assertThat(list.get("items").get(0).get("projectNumber").asString()).isEqualTo(project.number());
		assertThat(list.get("items").get(0).get("certificateNumber").asString()).isEqualTo(number);
		assertThat(valid.get("valid").asBoolean()).isTrue();
		assertThat(valid.get("projectNumber").asString()).isEqualTo(project.number());
		assertThat(valid.get("title").asString()).isEqualTo(project.title());
		assertThat(wrongCode.get("valid").asBoolean()).isFalse();
		assertThat(wrongCode.has("title") && !wrongCode.get("title").isNull()).isFalse();
		assertThat(unknown.get("valid").asBoolean()).isFalse();
		assertThat(verified.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode history = this.api.get(path(project, "/history"), dept).json();
		assertThat(history).extracting(entry -> entry.get("action").asString())
			.contains("AGREEMENT_SUBMITTED", "AGREEMENT_CHECKED", "AGREEMENT_CONFIRMED", "CHANGE_REQUESTED",
					"CHANGE_APPROVED", "COMPLETION_REQUESTED", "ACCEPTANCE_CONCLUDED", "COMPLETED");
	}

	@Test
	void onlyTheLeaderMayAskForAChangeAndOnlyItsPartiesMayActOnTheAgreement() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		String otherUniversity = this.api
			.token(project.universityAdmin().equals("jlu-admin") ? "nenu-admin" : "jlu-admin");

		Response byEnterprise = agreementAs(project, enterprise, project.cash().toPlainString());
		Response byOtherUniversity = this.api.post(path(project, "/agreement/check"), otherUniversity, "{}");
		assertThat(agreement(project, project.cash().toPlainString()).status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/check"), this.api.token(project.universityAdmin()), "{}")
			.status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/confirm"), enterprise, "{}").status()).isEqualTo(200);
		Map<String, Object> extension = Map.of("kind", "EXTENSION", "newEndsOn", "2099-01-01", "reason", "延期");
		Response changeByEnterprise = this.api.post(path(project, "/changes"), enterprise, extension);
		Response changeByDepartment = this.api.post(path(project, "/changes"), this.api.token("dept"), extension);
		Response changeByAnotherTeacher = this.api.post(path(project, "/changes"),
				new org.xietong.support.PublishedGuides(this.api, this.batches, this.clock).teacher("jlu-admin")
					.token(),
				extension);

		assertThat(byEnterprise.status()).isEqualTo(403);
		assertThat(byOtherUniversity.status()).isEqualTo(404);
		assertThat(changeByEnterprise.status()).isEqualTo(403);
		assertThat(changeByDepartment.status()).isEqualTo(403);
		assertThat(changeByAnotherTeacher.status()).isEqualTo(404);
		assertThat(this.api.get(path(project, "/changes"), this.api.token("dept")).json().size()).isZero();
	}

	@Test
	void acceptanceSendsAProjectBackToRectifyOnceAndThenOnlyPassOrFail() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		String university = this.api.token(project.universityAdmin());
		running(project, enterprise);
		Expert expert = expert(enterprise);

		Response first = acceptance(project, university, enterprise, expert, "RECTIFY");
		String afterFirst = status(project);
		Response second = acceptance(project, university, enterprise, expert, "RECTIFY");
		String afterSecond = status(project);
		Response failed = this.api.post(path(project, "/acceptance/conclude"), enterprise,
				Map.of("conclusion", "FAIL", "comment", "整改后仍未达到协议约定的成果。"));

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(afterFirst).isEqualTo("RECTIFYING");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(afterSecond).isEqualTo("UNDER_ACCEPTANCE");
		assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
		assertThat(status(project)).isEqualTo("FAILED");
	}

	@Test
	void aLeaderWhoseProjectIsPastItsEndWithoutCompletionCannotApplyInANewBatch() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String username = this.api.get("/api/v1/me", project.teacherToken()).json().get("username").asString();
		running(project, published.batch().enterprise().token());

		// Two years on, the project ended a year ago and nobody asked for completion.
		this.clock.advance(Duration.ofDays(730));
		org.xietong.support.PublishedGuides guides = new org.xietong.support.PublishedGuides(this.api, this.batches,
				this.clock);
		org.xietong.support.PublishedGuides.Batch next = guides.batch(null, "20000.00", "CURRICULUM");
		String teacher = this.api.token(username, "Changed#2025");
		Response created = this.api.post("/api/v1/guides/" + next.guideIds().get(0) + "/applications", teacher,
				org.xietong.support.PublishedGuides.application("逾期负责人的新申报"));
		String id = created.json().get("id").asString();
		this.api.upload("/api/v1/applications/" + id + "/attachments", teacher, Map.of("kind", "APPLICATION_FORM"),
				"申报书.pdf", Samples.pdf());
		JsonNode check = this.api.get("/api/v1/applications/" + id + "/submission", teacher).json();
		Response refused = this.api.post("/api/v1/applications/" + id + "/submit", teacher, "{}");

		JsonNode overdue = this.api.get(path(project, ""), this.api.token("dept")).json();
		JsonNode deptTasks = this.api.get("/api/v1/me/tasks", this.api.token("dept")).json();
		assertThat(overdue.get("overdue").asBoolean()).isTrue();
		assertThat(deptTasks).anySatisfy(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("PROJECTS_OVERDUE");
			assertThat(task.get("link").asString()).endsWith(published.batch().batchId().toString());
		});
		assertThat(check.get("canSubmit").asBoolean()).isFalse();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("OVERDUE_PROJECT");
		assertThat(this.api.get("/api/v1/applications/" + id, teacher).json().get("status").asString())
			.isEqualTo("DRAFT");
	}

	@Test
	void theLeaderIsRemindedOnceBeforeTheAgreementIsDueAndTheUniversityToldWhenItIsLate() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		JsonNode me = this.api.get("/api/v1/me", project.teacherToken()).json();
		String leader = me.get("id").asString();
		String admin = this.api.get("/api/v1/me", this.api.token(project.universityAdmin()))
			.json()
			.get("id")
			.asString();

		this.clock.advance(Duration.ofDays(28));
		this.reminders.remind();
		this.reminders.remind();
		this.clock.advance(Duration.ofDays(5));
		this.reminders.remind();

		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(inbox(leader, "inbox.project.AGREEMENT_DUE_SOON", project)).isOne();
			assertThat(inbox(leader, "inbox.project.AGREEMENT_OVERDUE", project)).isOne();
			assertThat(inbox(admin, "inbox.project.AGREEMENT_OVERDUE", project)).isOne();
		});
		// A month on, the leader signs in again.
		String teacher = this.api.token(me.get("username").asString(), "Changed#2025");
		JsonNode tasks = this.api.get("/api/v1/me/tasks", teacher).json();
		assertThat(tasks).anySatisfy(task -> {
			assertThat(task.get("kind").asString()).isEqualTo("PROJECT_AGREEMENT");
			assertThat(task.path("deadline").asString("")).isNotEmpty();
		});
	}

	// Fixtures.

	@Autowired
	AgreementReminders reminders;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private long inbox(String userId, String key, Project project) {
		return this.jdbc
			.sql("""
					SELECT COUNT(*) FROM inbox_messages WHERE recipient_id = :user AND message_key = :key AND link = :link""")
			.param("user", java.util.UUID.fromString(userId))
			.param("key", key)
			.param("link", "/projects/" + project.id())
			.query(Long.class)
			.single();
	}

	/**
	 * The leader asks for completion, the university consents, the expert (assigned on
	 * the first round) concludes, and the enterprise records {@code conclusion}.
	 */
	private Response acceptance(Project project, String university, String enterprise, Expert expert,
			String conclusion) {
		assertThat(this.api
			.post(path(project, "/completion"), project.teacherToken(),
					Map.of("report", "已完成。", "outcomes", List.of(Map.of("kind", "CASE", "title", "教学案例十个")),
							"fundUsage", List.of(Map.of("category", "设备费", "amount", "1000.00"))))
			.status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/completion/consent"), university, "{}").status()).isEqualTo(200);
		Response assigned = this.api.post(path(project, "/acceptance/assignments"), enterprise,
				Map.of("expertId", expert.id()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(this.api
			.post("/api/v1/acceptance-assignments/" + assigned.json().get("id").asString() + "/conclude",
					expert.token(), Map.of("conclusion", conclusion, "comment", "意见见附件。"))
			.status()).isEqualTo(200);
		return this.api.post(path(project, "/acceptance/conclude"), enterprise,
				Map.of("conclusion", conclusion, "comment", "请按专家意见整改。"));
	}

	private Response agreement(Project project, String cash) {
		return agreementAs(project, project.teacherToken(), cash);
	}

	private static String path(Project project, String rest) {
		return "/api/v1/projects/" + project.id() + rest;
	}

	private String status(Project project) {
		return this.api.get(path(project, ""), this.api.token("dept")).json().get("status").asString();
	}

	private Published publish(int count) {
		return this.projects.publish(count);
	}

	private void closeNotice(Response notice) {
		this.projects.closeNotice(notice);
	}

	private Expert expert(String enterprise) {
		return this.projects.expert(enterprise);
	}

	private void running(Project project, String enterprise) {
		this.projects.running(project, enterprise);
	}

	private Response agreementAs(Project project, String token, String cash) {
		return this.projects.agreement(project, token, cash);
	}

}
