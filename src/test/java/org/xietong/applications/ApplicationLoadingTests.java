package org.xietong.applications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application loaded by hand ({@link ApplicationLoadingImpl}) is the one Spring Data
 * JDBC's own mapping reads, field for field, team and budget in their order, as a draft
 * (its nulls) and once submitted.
 */
@PlatformTest
class ApplicationLoadingTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcAggregateTemplate aggregates;

	@Autowired
	Applications applications;

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
	void aDraftAndASubmittedApplicationLoadAsSpringDataJdbcReadsThem() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		Map<String, Object> body = new HashMap<>(PublishedGuides.application("课程建设 " + Samples.unique("load")));
		body.put("team",
				List.of(Map.of("name", "李明", "title", "副教授", "organization", "吉林大学", "role", "课程设计"),
						Map.of("name", "赵雪", "title", "讲师", "organization", "吉林大学", "role", "实验设计"),
						Map.of("name", "钱峰", "title", "高级工程师", "organization", "一汽集团", "role", "企业导师")));
		body.put("budget", List.of(Map.of("category", "设备费", "amount", "12000.50"),
				Map.of("category", "差旅费", "amount", "7000.00"), Map.of("category", "资料费", "amount", "999.50")));
		Response created = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications", teacher.token(),
				body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		UUID id = UUID.fromString(created.json().get("id").asString());

		Application draft = loadedAlikeBothWays(id);
		assertThat(draft.number()).isNull();
		assertThat(draft.view(List.of()).team()).extracting(ApplicationDetails.Member::name)
			.containsExactly("李明", "赵雪", "钱峰");

		assertThat(this.api
			.upload("/api/v1/applications/" + id + "/attachments", teacher.token(), Map.of("kind", "APPLICATION_FORM"),
					"申报书.pdf", Samples.pdf())
			.status()).isEqualTo(201);
		Response submitted = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

		Application after = loadedAlikeBothWays(id);
		assertThat(after.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(after.number()).isNotNull();
	}

	@Test
	void anUnknownApplicationLoadsAsNothing() {
		assertThat(new ApplicationLoadingImpl(this.jdbc).findById(UUID.randomUUID())).isEmpty();
		assertThat(this.applications.findById(UUID.randomUUID())).isEmpty();
	}

	private Application loadedAlikeBothWays(UUID id) {
		Application bySpringData = this.aggregates.findById(id, Application.class);
		Application byHand = new ApplicationLoadingImpl(this.jdbc).findById(id).orElseThrow();
		Application byRepository = this.applications.findById(id).orElseThrow();
		assertThat(bySpringData).isNotNull();
		assertThat(byHand).usingRecursiveComparison().isEqualTo(bySpringData);
		assertThat(byRepository).usingRecursiveComparison().isEqualTo(bySpringData);
		return byHand;
	}

}
