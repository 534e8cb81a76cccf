package org.xietong.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.ProjectType;
import org.xietong.shared.MovableClock;
import org.xietong.shared.Money;
import org.xietong.support.Api.Response;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications recommended to the department, made the way every application gets there:
 * teachers of two universities apply to published guides ({@link PublishedGuides}), their
 * universities endorse, one expert of the enterprise scores them all, the enterprise
 * selects every one, its result notice runs out and closes, and the enterprise recommends
 * them, once the application window has closed. The clock is back where it was
 * afterwards.
 */
public final class RecommendedApplications {

	/** The universities that apply, in turn. */
	private static final List<String> UNIVERSITY_ADMINS = List.of("jlu-admin", "nenu-admin");

	/** What {@link PublishedGuides#application(String)}'s budget totals. */
	private static final Money SAMPLE_BUDGET = Money.yuan(20_000);

	/** The review's one criterion. */
	private static final String CRITERION = "综合评价";

	/**
	 * The most a criterion scores: the ranking gives each application a score of its own.
	 */
	private static final int MAX_SCORE = 1000;

	/** Independent requests at once: enough to keep the server's two cores busy. */
	private static final int THREADS = 4;

	private final Api api;

	private final PublishedGuides guides;

	private final MovableClock clock;

	public RecommendedApplications(Api api, BatchManagement batches, MovableClock clock) {
		this.api = api;
		this.guides = new PublishedGuides(api, batches, clock);
		this.clock = clock;
	}

	/**
	 * One batch with the given rules (null: the notice's, without endorsement caps), one
	 * enterprise and a published guide of each type offering {@code perGuide} projects,
	 * and {@code perGuide} applications to each guide from JLU and NENU in turn, all of
	 * them recommended to the department. The guides' types must be measured in cash (or
	 * have no minimum in the rules): the guides offer no hardware or software.
	 */
	public Recommended recommend(BatchRules.Overrides rules, int perGuide, String... types) {
		if (perGuide < 1 || perGuide > MAX_SCORE || types.length == 0) {
			throw new IllegalArgumentException("from 1 to " + MAX_SCORE + " applications to at least one guide");
		}
		BatchRules.Overrides overrides = (rules != null) ? rules : withoutEndorsementCaps();
		BatchRules effective = BatchRules.merge(overrides);
		Batch batch = this.guides.batch(overrides, cashPerProject(effective, perGuide, types).toString(), perGuide,
				types);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Item> applications = endorsed(pool, batch, perGuide,
					Math.max(1, Math.min(3, effective.maxApplicationsPerTeacher())));
			// The review begins once the application window has closed; the clock goes
			// back afterwards.
			Duration before = this.clock.offset();
			this.guides.pastApplicationWindow(batch.id());
			try {
				String enterprise = this.api.token(batch.enterprise().username(), "Secret#2024");
				reviewAndSelect(pool, batch, enterprise, applications);
				List<String> ids = applications.stream().map(Item::applicationId).toList();
				closeNoticeAndRecommend(batch, enterprise, ids);
			}
			finally {
				this.clock.advance(before.minus(this.clock.offset()));
			}
			return new Recommended(batch.id(), batch.enterprise(), batch.guideIds(), applications);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The notice's rules without either endorsement cap: one university endorses all. */
	private static BatchRules.Overrides withoutEndorsementCaps() {
		return new BatchRules.Overrides(null, null, null, null, null, null, null, null, null, Optional.empty(),
				Optional.empty(), null, null, null, null, null, null, null);
	}

	/**
	 * The least cash per project that pays for the sample budget, meets each type's
	 * minimum and, over all the guides, the enterprise's minimum in the batch: ¥20,000 as
	 * soon as there are ten projects in all.
	 */
	private static Money cashPerProject(BatchRules rules, int perGuide, String... types) {
		Money cash = SAMPLE_BUDGET;
		for (String name : types) {
			ProjectType type = ProjectType.valueOf(name);
			Money minimum = rules.minimumFor(type);
			if (type.isMeasuredInCash()) {
				cash = max(cash, minimum);
			}
			else if (Money.ZERO.isLessThan(minimum)) {
				throw new IllegalArgumentException(name + " guides need " + minimum
						+ " of hardware and software per project, and these guides offer none");
			}
		}
		BigDecimal projects = BigDecimal.valueOf((long) perGuide * types.length);
		return max(cash, Money.of(rules.minEnterpriseCash().amount().divide(projects, 0, RoundingMode.CEILING)));
	}

	private static Money max(Money a, Money b) {
		return a.isLessThan(b) ? b : a;
	}

	/**
	 * {@code perGuide} applications to each guide, from the two universities in turn:
	 * submitted with their form and endorsed. A teacher applies to a guide once, and
	 * files up to {@code perTeacher} applications a year: each teacher files one to each
	 * of up to {@code perTeacher} guides.
	 */
	private List<Item> endorsed(ExecutorService pool, Batch batch, int perGuide, int perTeacher) {
		int count = batch.guideIds().size() * perGuide;
		List<Filer> filers = new ArrayList<>();
		Map<List<Integer>, Integer> placed = new HashMap<>();
		for (int i = 0; i < count; i++) {
			int university = i % UNIVERSITY_ADMINS.size();
			int guide = i / perGuide;
			int place = placed.merge(List.of(university, guide), 1, Integer::sum) - 1;
			filers.add(new Filer(university, guide / perTeacher, place));
		}
		List<Filer> distinct = filers.stream().distinct().toList();
		List<Teacher> made = each(pool, distinct,
				filer -> this.guides.teacher(UNIVERSITY_ADMINS.get(filer.university())));
		Map<Filer, Teacher> teachers = new HashMap<>();
		for (int t = 0; t < distinct.size(); t++) {
			teachers.put(distinct.get(t), made.get(t));
		}
		List<String> adminTokens = UNIVERSITY_ADMINS.stream().map(this.api::token).toList();
		return each(pool, range(count), i -> endorsedApplication(batch.guideIds().get(i / perGuide),
				teachers.get(filers.get(i)), adminTokens.get(filers.get(i).university())));
	}

	/**
	 * Who files an application: the {@code place}-th teacher of the university in the
	 * group of guides (as many as a teacher may apply to).
	 */
	private record Filer(int university, int guideGroup, int place) {
	}

	private Item endorsedApplication(String guideId, Teacher teacher, String adminToken) {
		String title = "推荐测试申报 " + Samples.unique("rec");
		Response created = this.api.post("/api/v1/guides/" + guideId + "/applications", teacher.token(),
				PublishedGuides.application(title));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Response form = this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
				Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
		assertThat(form.status()).as(form.toString()).isEqualTo(201);
		Response submitted = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		Response endorsed = this.api.post("/api/v1/applications/" + id + "/endorse", adminToken, "{}");
		assertThat(endorsed.status()).as(endorsed.toString()).isEqualTo(200);
		return new Item(id, guideId, teacher.id(), teacher.token(), teacher.universityId(), title);
	}

	/**
	 * One expert of the enterprise scores every application, each guide's in decreasing
	 * order (the first scores highest), and the enterprise selects all of them. The
	 * enterprise assigns its expert by hand: the automatic plan would share the work with
	 * the department's experts.
	 */
	private void reviewAndSelect(ExecutorService pool, Batch batch, String enterprise, List<Item> applications) {
		Expert expert = expert(enterprise);
		for (String guideId : batch.guideIds()) {
			Response plan = this.api.put("/api/v1/guides/" + guideId + "/review-plan", enterprise,
					Map.of("criteria", List.of(Map.of("name", CRITERION, "weight", 100, "maxScore", MAX_SCORE)),
							"expertsPerApplication", 1, "maxPerExpert", applications.size()));
			assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		}
		each(pool, applications, application -> {
			Response assigned = this.api.post("/api/v1/applications/" + application.applicationId() + "/assignments",
					enterprise, Map.of("expertId", expert.id()));
			assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
			return assigned;
		});
		Map<String, String> assignments = assignments(expert.token());
		Map<String, Integer> places = new HashMap<>();
		List<Integer> scores = new ArrayList<>();
		for (Item application : applications) {
			scores.add(MAX_SCORE + 1 - places.merge(application.guideId(), 1, Integer::sum));
		}
		each(pool, range(applications.size()), i -> {
			String assignment = assignments.get(applications.get(i).applicationId());
			Response accepted = this.api.post("/api/v1/assignments/" + assignment + "/accept", expert.token(),
					Map.of("noConflict", true));
			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
			Response scored = this.api.post("/api/v1/assignments/" + assignment + "/score", expert.token(),
					Map.of("scores", List.of(Map.of("criterion", CRITERION, "score", scores.get(i))), "comment",
							"论证充分，方案可行。"));
			assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
			return scored;
		});
		for (String guideId : batch.guideIds()) {
			List<String> ofGuide = applications.stream()
				.filter(application -> application.guideId().equals(guideId))
				.map(Item::applicationId)
				.toList();
			Response selected = this.api.post("/api/v1/guides/" + guideId + "/selection", enterprise,
					Map.of("applicationIds", ofGuide));
			assertThat(selected.status()).as(selected.toString()).isEqualTo(200);
		}
	}

	/** A new expert of the enterprise, its password changed. */
	private Expert expert(String enterprise) {
		String username = Samples.unique("recx");
		Response created = this.api.post("/api/v1/experts", enterprise,
				Map.of("displayName", "推荐测试专家" + username.substring(5), "username", username, "password",
						"Initial#2024", "affiliation", Map.of("name", "某研究院"), "fields", List.of("人工智能")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String first = this.api.token(username, "Initial#2024");
		assertThat(this.api
			.post("/api/v1/me/password", first,
					Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"))
			.status()).isLessThan(300);
		return new Expert(created.json().get("id").asString(), this.api.token(username, "Changed#2025"));
	}

	/** The expert's assignments: their ids by application. */
	private Map<String, String> assignments(String expert) {
		Map<String, String> byApplication = new HashMap<>();
		JsonNode page;
		int index = 0;
		do {
			Response listed = this.api.get("/api/v1/assignments?size=200&page=" + index++, expert);
			assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
			page = listed.json();
			for (JsonNode item : page.get("items")) {
				byApplication.put(item.get("applicationId").asString(), item.get("id").asString());
			}
		}
		while (byApplication.size() < page.get("total").asLong());
		return byApplication;
	}

	/**
	 * The enterprise puts its selection under one result notice; once the notice has run
	 * out (the clock moved on), it closes it and recommends every application.
	 */
	private void closeNoticeAndRecommend(Batch batch, String enterpriseToken, List<String> ids) {
		Response notice = this.api.post("/api/v1/notices", enterpriseToken, Map.of("batchId", batch.id().toString(),
				"kind", "REVIEW_RESULTS", "title", "评审结果公示", "body", "公示五个工作日。", "subjectIds", ids));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		Instant closes = OffsetDateTime.parse(notice.json().get("closesAt").asString()).toInstant();
		Duration before = this.clock.offset();
		Duration untilClosed = Duration.between(this.clock.instant(), closes).plusMinutes(1);
		this.clock.advance(max(Duration.ofDays(20), untilClosed));
		try {
			// The enterprise's token ran out while the notice ran.
			String enterprise = this.api.token(batch.enterprise().username(), "Secret#2024");
			Response closed = this.api.post("/api/v1/notices/" + notice.json().get("id").asString() + "/close",
					enterprise, "{}");
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
			Response recommended = this.api.post("/api/v1/batches/" + batch.id() + "/recommendations", enterprise,
					Map.of("applicationIds", ids));
			assertThat(recommended.status()).as(recommended.toString()).isEqualTo(200);
		}
		finally {
			this.clock.advance(before.minus(this.clock.offset()));
		}
	}

	private static List<Integer> range(int count) {
		return IntStream.range(0, count).boxed().toList();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) < 0) ? b : a;
	}

	/**
	 * The work done on each input at once (a few at a time), its results in the inputs'
	 * order; the first failure is thrown as it was.
	 */
	private static <T, R> List<R> each(ExecutorService pool, List<T> inputs, Function<T, R> work) {
		List<Future<R>> futures = inputs.stream().map(input -> pool.submit(() -> work.apply(input))).toList();
		List<R> results = new ArrayList<>();
		for (Future<R> future : futures) {
			try {
				results.add(future.get());
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return results;
	}

	/**
	 * Recommended applications: their batch, enterprise, guides, and the applications in
	 * the order they were made, guide by guide, each guide's best ranked first.
	 */
	public record Recommended(UUID batchId, PublishedGuides.Enterprise enterprise, List<String> guideIds,
			List<Item> applications) {

		/** The applications' ids, in order. */
		public List<String> ids() {
			return this.applications.stream().map(Item::applicationId).toList();
		}

	}

	private record Expert(String id, String token) {
	}

	/** One recommended application, its guide, and the teacher who leads it. */
	public record Item(String applicationId, String guideId, String teacherId, String teacherToken, String universityId,
			String title) {
	}

}
