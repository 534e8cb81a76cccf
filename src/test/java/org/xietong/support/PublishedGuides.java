package org.xietong.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchView;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published guides in a batch of their own, made the way every guide is published (an
 * eligible enterprise submits, the department approves, a GUIDES notice runs out and
 * closes), and then the batch's application window set where a test needs it. The clock
 * is back where it was afterwards.
 */
public final class PublishedGuides {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Api api;

	private final BatchManagement batches;

	private final MovableClock clock;

	public PublishedGuides(Api api, BatchManagement batches, MovableClock clock) {
		this.api = api;
		this.batches = batches;
		this.clock = clock;
	}

	/**
	 * A batch with the given rules (null: the notice's), one eligible enterprise and its
	 * published guides, each with cash per project {@code cash}; the application window
	 * runs from a day ago to five days ahead.
	 */
	public Batch batch(BatchRules.Overrides rules, String cash, String... types) {
		return batch(rules, cash, 20, types);
	}

	/** The same, each guide offering {@code projects} projects. */
	public Batch batch(BatchRules.Overrides rules, String cash, int projects, String... types) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String code = Samples.unique("AP");
		BatchView batch = this.batches.create(new BatchDefinition(code, "申报测试批次 " + code,
				LocalDate.ofInstant(now, SHANGHAI).getYear(), null, null, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(10)),
				now.plus(Duration.ofDays(30)), (rules == null) ? BatchRules.Overrides.none() : rules));
		Enterprise enterprise = eligibleEnterprise();
		List<String> guideIds = new ArrayList<>();
		for (int i = 0; i < types.length; i++) {
			Response created = this.api.post("/api/v1/batches/" + batch.id() + "/guides", enterprise.token(),
					guide(types[i], "校企合作课程建设 " + Samples.unique("g"), cash, "0", projects));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			guideIds.add(created.json().get("id").asString());
		}
		Response submitted = this.api.post("/api/v1/batches/" + batch.id() + "/guides/submit", enterprise.token(),
				"{}");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		String dept = this.api.token("dept");
		for (String id : guideIds) {
			assertThat(this.api.post("/api/v1/guides/" + id + "/approve", dept, "{}").status()).isEqualTo(200);
		}
		Response notice = this.api.post("/api/v1/notices", dept, Map.of("batchId", batch.id().toString(), "kind",
				"GUIDES", "title", "项目指南公示", "body", "公示五个工作日。", "subjectIds", guideIds));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		Duration before = this.clock.offset();
		this.clock.advance(Duration.ofDays(20));
		try {
			Response closed = this.api.post("/api/v1/notices/" + notice.json().get("id").asString() + "/close",
					this.api.token("dept"), "{}");
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		}
		finally {
			this.clock.advance(before.minus(this.clock.offset()));
		}
		Batch made = new Batch(batch.id(), enterprise, guideIds);
		window(made, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)));
		return made;
	}

	/**
	 * Moves the clock to a minute after the batch's application window closed, when the
	 * enterprise may score, select and announce its results. Tokens issued before the
	 * move may have run out: sign in again. The caller moves the clock back (or resets
	 * it).
	 */
	public void pastApplicationWindow(UUID batchId) {
		Instant after = this.batches.find(batchId).orElseThrow().schedule().applicationCloses().plusSeconds(60);
		if (this.clock.instant().isBefore(after)) {
			this.clock.advance(Duration.between(this.clock.instant(), after));
		}
	}

	/** Sets the batch's application window; review closes 30 days after it. */
	public BatchView window(Batch batch, Instant opens, Instant closes) {
		BatchView current = this.batches.find(batch.id()).orElseThrow();
		var s = current.schedule();
		Instant guideCloses = s.guideSubmissionCloses().isAfter(opens) ? opens.minus(Duration.ofDays(2))
				: s.guideSubmissionCloses();
		Instant guideOpens = s.guideSubmissionOpens().isAfter(guideCloses) ? guideCloses.minus(Duration.ofDays(3))
				: s.guideSubmissionOpens();
		return this.batches.update(batch.id(), current.version(),
				new BatchDefinition(current.code(), current.title(), current.year(), current.provinceCode(),
						current.timeZone().getId(), guideOpens, guideCloses, opens, closes,
						closes.plus(Duration.ofDays(30)), overrides(current.rules())));
	}

	/** The rules as overrides that keep each of them. */
	public static BatchRules.Overrides overrides(BatchRules rules) {
		Map<String, org.xietong.shared.Money> minimums = new HashMap<>();
		rules.typeMinimums().forEach((type, amount) -> minimums.put(type.name(), amount));
		return new BatchRules.Overrides(rules.completionDueMonths(), rules.minEnterpriseAgeYears(),
				rules.minEnterpriseCash(), minimums, rules.keyProjectQuota(), rules.noticeWorkingDays(),
				rules.maxApplicationsPerTeacher(), rules.maxProjectsInProgressPerTeacher(),
				rules.expertsPerApplication(), java.util.Optional.ofNullable(rules.maxEndorsementsPerEnterprise()),
				java.util.Optional.ofNullable(rules.maxEndorsementsPerEnterpriseAndType()), rules.directions(),
				rules.industries(), rules.attachmentMaxBytes(), rules.agreementDueDays(), rules.maxExtensionMonths(),
				rules.maxRectifications(), rules.overdueBlocksApplications(), rules.autoCloseNotices());
	}

	/** An enterprise that may take part in any batch, signed in through the API. */
	public Enterprise eligibleEnterprise() {
		String username = Samples.unique("aent");
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		Response registered = this.api.post("/api/v1/enterprises", null, body);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String id = registered.json().get("id").asString();
		assertThat(this.api.post("/api/v1/enterprises/" + id + "/approve", this.api.token("dept"), "{}").status())
			.isEqualTo(200);
		String token = this.api.token(username, "Secret#2024");
		assertThat(this.api
			.upload("/api/v1/enterprises/" + id + "/documents", token, Map.of("kind", "CREDIT_REPORT"), "信用报告.pdf",
					Samples.pdf())
			.status()).isEqualTo(201);
		return new Enterprise(id, (String) body.get("name"), username, token);
	}

	/**
	 * A new teacher of the university that {@code admin} administers, with an e-mail
	 * address, its password already changed: answers its token and id.
	 */
	public Teacher teacher(String admin) {
		String adminToken = this.api.token(admin);
		String university = this.api.get("/api/v1/me", adminToken).json().get("organizationId").asString();
		String username = Samples.unique("tch");
		Response created = this.api.post("/api/v1/universities/" + university + "/teachers", adminToken,
				Map.of("username", username, "password", "Initial#2024", "displayName", "教师" + username.substring(3),
						"title", "副教授", "email", username + "@teachers.example.com", "phone", "13800000000"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String first = this.api.token(username, "Initial#2024");
		assertThat(this.api
			.post("/api/v1/me/password", first,
					Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"))
			.status()).isLessThan(300);
		return new Teacher(created.json().get("id").asString(), username, this.api.token(username, "Changed#2025"),
				university);
	}

	/** A guide's request body in the 2024 notice's lists. */
	public static Map<String, Object> guide(String type, String title, String cash, String hardware, int projects) {
		Map<String, Object> body = new HashMap<>();
		body.put("type", type);
		body.put("title", title);
		body.put("direction", "人工智能");
		body.put("industry", "汽车");
		body.put("description", "面向车辆工程专业，校企共建智能网联汽车课程。");
		body.put("requirements", "申报团队须有相关课程教学经验。");
		body.put("projectsOffered", projects);
		body.put("cashPerProject", cash);
		body.put("hardwareSoftwarePerProject", hardware);
		body.put("contact", Map.of("name", "王工", "phone", "0431-88905350", "email", "guide@example.com"));
		return body;
	}

	/** A complete application body for a guide with at least ¥20,000 cash per project. */
	public static Map<String, Object> application(String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("summary", "面向智能网联汽车方向，校企共建课程与实验项目。");
		body.put("plan", "第一年完成课程大纲与实验设计，第二年开课并迭代。");
		body.put("expectedOutcomes", "课程一门、实验指导书一部、教学案例十个。");
		body.put("team", List.of(Map.of("name", "李明", "title", "副教授", "organization", "吉林大学", "role", "课程设计")));
		body.put("budget", List.of(Map.of("category", "设备费", "amount", "12000.00"),
				Map.of("category", "差旅费", "amount", "8000.00")));
		return body;
	}

	/** A teacher as the tests use it: its id, username, token and university. */
	public record Teacher(String id, String username, String token, String universityId) {
	}

	/** A batch as a test uses it: its id, its enterprise and its published guides. */
	public record Batch(UUID id, Enterprise enterprise, List<String> guideIds) {
	}

	/** An enterprise as the tests use it: its id, name, contact's username and token. */
	public record Enterprise(String id, String name, String username, String token) {
	}

}
