package org.xietong.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api.Response;
import org.xietong.support.RecommendedApplications.Recommended;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects made the way every project is made: recommended applications approved by the
 * department, an APPROVALS notice that runs out and closes, and the list published; then,
 * where a test needs it, the agreement signed, checked and confirmed. The clock is back
 * where it was afterwards.
 */
public final class PublishedProjects {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Api api;

	private final MovableClock clock;

	private final RecommendedApplications recommended;

	public PublishedProjects(Api api, BatchManagement batches, MovableClock clock) {
		this.api = api;
		this.clock = clock;
		this.recommended = new RecommendedApplications(api, batches, clock);
	}

	/** {@code count} recommended applications to one guide, approved and published. */
	public Published publish(int count) {
		Recommended batch = this.recommended.recommend(null, count, "CURRICULUM");
		String dept = this.api.token("dept");
		for (String id : batch.ids()) {
			assertThat(this.api.post("/api/v1/applications/" + id + "/approve", dept, Map.of("key", false)).status())
				.isEqualTo(200);
		}
		closeNotice(this.api.post("/api/v1/notices", dept, Map.of("batchId", batch.batchId().toString(), "kind",
				"APPROVALS", "title", "立项公示", "body", "公示五个工作日。", "subjectIds", batch.ids())));
		Response published = this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/publish",
				this.api.token("dept"), "{}");
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		String jlu = this.api.get("/api/v1/me", this.api.token("jlu-admin")).json().get("organizationId").asString();
		List<Project> projects = new ArrayList<>();
		for (JsonNode item : published.json().get("items")) {
			RecommendedApplications.Item application = batch.applications()
				.stream()
				.filter(a -> a.applicationId().equals(item.get("applicationId").asString()))
				.findFirst()
				.orElseThrow();
			String username = this.api.get("/api/v1/me", application.teacherToken()).json().get("username").asString();
			projects.add(new Project(item.get("projectId").asString(), item.get("projectNumber").asString(),
					item.get("title").asString(), new BigDecimal(item.get("cash").asString()),
					application.teacherToken(), username,
					jlu.equals(application.universityId()) ? "jlu-admin" : "nenu-admin"));
		}
		return new Published(batch, projects);
	}

	/** Lets the notice run out and closes it as the department; the clock goes back. */
	public void closeNotice(Response notice) {
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
	}

	/**
	 * Submits the agreement as {@code token}: the approved hardware/software, the given
	 * cash, a year from tomorrow.
	 */
	public Response agreement(Project project, String token, String cash) {
		LocalDate start = LocalDate.now().plusDays(1);
		Map<String, Object> terms = Map.of("cashTotal", cash, "hardwareSoftwareTotal", "0.00", "startsOn",
				start.toString(), "endsOn", start.plusYears(1).toString(), "deliverables", "课程一门、实验指导书一部。",
				"ipOwnership", "JOINT");
		return this.api.upload(project.path("/agreement"), token, Map.of("terms", JSON.writeValueAsString(terms)),
				"合作协议.pdf", Samples.pdf());
	}

	/** Takes the project through its agreement: it is then in progress. */
	public void running(Project project, String enterprise) {
		assertThat(agreement(project, project.teacherToken(), project.cash().toPlainString()).status()).isEqualTo(200);
		assertThat(this.api.post(project.path("/agreement/check"), this.api.token(project.universityAdmin()), "{}")
			.status()).isEqualTo(200);
		Response confirmed = this.api.post(project.path("/agreement/confirm"), enterprise, "{}");
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
	}

	/** An expert of the enterprise's own pool, its password changed to Changed#2025. */
	public Expert expert(String enterprise) {
		String username = Samples.unique("acc");
		Response created = this.api.post("/api/v1/experts", enterprise,
				Map.of("displayName", "验收专家" + username, "username", username, "password", "Initial#2024",
						"affiliation", Map.of("name", "某研究院"), "fields", List.of("人工智能")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String first = this.api.token(username, "Initial#2024");
		this.api.post("/api/v1/me/password", first,
				Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"));
		return new Expert(created.json().get("id").asString(), username, this.api.token(username, "Changed#2025"));
	}

	/** A published batch: its recommendations and the projects they became. */
	public record Published(Recommended batch, List<Project> projects) {
	}

	/** A project as the tests use it: its leader's token and its university's admin. */
	public record Project(String id, String number, String title, BigDecimal cash, String teacherToken,
			String teacherUsername, String universityAdmin) {

		public String path(String rest) {
			return "/api/v1/projects/" + this.id + rest;
		}

	}

	/** An acceptance expert: its id, username and token. */
	public record Expert(String id, String username, String token) {
	}

}
