package org.xietong.guides;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.xietong.batches.BatchManagement;
import org.xietong.guides.GuideFixtures.Enterprise;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way of guides through the API: submitted, approved or returned, put under a
 * GUIDES notice, one revoked by an upheld objection, the others published when the notice
 * closes; and the events that announce each step.
 */
@PlatformTest
@Import(GuideNoticeTests.RecordedGuideEvents.class)
class GuideNoticeTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	GuideCatalogue catalogue;

	@Autowired
	RecordedGuideEvents events;

	Api api;

	GuideFixtures fixtures;

	Enterprise enterprise;

	String batchId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixtures = new GuideFixtures(this.api, this.batches, this.clock);
		this.enterprise = this.fixtures.eligibleEnterprise();
		this.batchId = this.fixtures.openBatch().id().toString();
		this.events.all.clear();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anUpheldObjectionRevokesItsGuideAndClosingTheNoticePublishesTheOthers() {
		List<String> ids = this.fixtures.submitted(this.batchId, this.enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 1),
				GuideFixtures.guide("CURRICULUM", "课程改革", "50000", "0", 1),
				GuideFixtures.guide("TEACHER_TRAINING", "师资培训", "50000", "0", 1));
		this.fixtures.approve(ids);
		String doubtful = ids.get(0);
		String dept = this.api.token("dept");

		Response notice = this.api.post("/api/v1/notices", dept, Map.of("batchId", this.batchId, "kind", "GUIDES",
				"title", "2025年项目指南公示", "body", "公示五个工作日。", "subjectIds", ids));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		assertThat(notice.json().get("subjects").get(0).get("summary").asString()).contains(this.enterprise.name())
			.contains("新工科");
		String noticeId = notice.json().get("id").asString();
		assertThat(statusOf(doubtful)).isEqualTo("IN_NOTICE");
		assertThat(publicTitles()).isEmpty();

		// Objections from this address in the last hour (other tests') must not count.
		this.clock.advance(Duration.ofHours(2));
		Response objection = this.api.postFrom(Api.someClientAddress(), "/api/v1/notices/" + noticeId + "/objections",
				null, Map.of("subjectId", doubtful, "name", "王明", "phone", "13800000000", "reason",
						"该企业所述联合实验室并不存在，附现场照片与工商登记信息。"));
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		Response upheld = this.api.post("/api/v1/objections/" + objection.json().get("id").asString() + "/decide", dept,
				Map.of("outcome", "UPHELD", "response", "经核查，异议属实，撤销该项目指南。"));
		assertThat(upheld.json().get("status").asString()).isEqualTo("UPHELD");

		assertThat(statusOf(doubtful)).isEqualTo("REVOKED");
		assertThat(this.api.get("/api/v1/guides/" + doubtful, dept).json().get("revokeReason").asString())
			.contains("异议属实");
		assertThat(this.catalogue.isOpenForApplications(UUID.fromString(doubtful))).isFalse();

		this.clock.advance(Duration.ofDays(20));
		dept = this.api.token("dept");
		Response closed = this.api.post("/api/v1/notices/" + noticeId + "/close", dept, "{}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

		assertThat(statusOf(ids.get(1))).isEqualTo("PUBLISHED");
		assertThat(statusOf(ids.get(2))).isEqualTo("PUBLISHED");
		assertThat(statusOf(doubtful)).isEqualTo("REVOKED");
		assertThat(publicTitles()).containsExactlyInAnyOrder("课程改革", "师资培训");
		assertThat(this.api.get("/api/v1/guides/" + doubtful, null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/guides/" + ids.get(1), null).status()).isEqualTo(200);
		assertThat(this.catalogue.isOpenForApplications(UUID.fromString(ids.get(1)))).isTrue();
		assertThat(this.api
			.post("/api/v1/guides/" + ids.get(1) + "/withdraw",
					this.api.token(this.enterprise.username(), "Secret#2024"), "{}")
			.code()).isEqualTo("ILLEGAL_TRANSITION");

		assertThat(this.events.all)
			.anySatisfy(event -> assertThat(event).isEqualTo(new GuideRevoked(UUID.fromString(doubtful),
					UUID.fromString(this.enterprise.id()), "经核查，异议属实，撤销该项目指南。")));
		assertThat(this.events.all.stream()
			.filter(GuidePublished.class::isInstance)
			.map(GuidePublished.class::cast)
			.map(published -> published.guideId().toString())).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
	}

	@Test
	void onlyApprovedGuidesOfTheBatchGoUnderNoticeAndARefusalNamesTheOthersAndChangesNothing() {
		List<String> ids = this.fixtures.submitted(this.batchId, this.enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 1),
				GuideFixtures.guide("CURRICULUM", "课程改革", "100000", "0", 1));
		this.fixtures.approve(List.of(ids.get(0)));
		String stranger = UUID.randomUUID().toString();

		Response refused = this.api.post("/api/v1/notices", this.api.token("dept"),
				Map.of("batchId", this.batchId, "kind", "GUIDES", "title", "项目指南公示", "body", "", "subjectIds",
						List.of(ids.get(0), ids.get(1), stranger)));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("GUIDES_NOT_APPROVED");
		assertThat(refused.json().get("detail").asString()).contains(ids.get(1))
			.contains(stranger)
			.doesNotContain(ids.get(0));
		assertThat(statusOf(ids.get(0))).isEqualTo("APPROVED");
		assertThat(this.api.get("/api/v1/notices?batchId=" + this.batchId, null).json().get("total").asLong()).isZero();
	}

	@Test
	void eachStepIsAnnouncedAsAnEventInItsTransaction() {
		List<String> ids = this.fixtures.submitted(this.batchId, this.enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 1),
				GuideFixtures.guide("CURRICULUM", "课程改革", "100000", "0", 1));
		String dept = this.api.token("dept");
		this.api.post("/api/v1/guides/" + ids.get(0) + "/approve", dept, "{}");
		this.api.post("/api/v1/guides/" + ids.get(1) + "/return", dept, Map.of("reason", "请补充成果形式"));
		UUID enterpriseId = UUID.fromString(this.enterprise.id());

		assertThat(this.events.all).contains(
				new GuidesSubmitted(UUID.fromString(this.batchId), enterpriseId,
						ids.stream().map(UUID::fromString).toList()),
				new GuideApproved(UUID.fromString(ids.get(0)), enterpriseId),
				new GuideReturned(UUID.fromString(ids.get(1)), enterpriseId, "请补充成果形式"));
		int before = this.events.all.size();
		assertThat(this.api.post("/api/v1/guides/" + ids.get(0) + "/approve", dept, "{}").status()).isEqualTo(409);
		assertThat(this.events.all).hasSize(before);
	}

	private String statusOf(String id) {
		return this.catalogue.find(UUID.fromString(id)).orElseThrow().status().name();
	}

	private List<String> publicTitles() {
		return this.api.get("/api/v1/guides?batchId=" + this.batchId, null)
			.json()
			.get("items")
			.values()
			.stream()
			.map(guide -> guide.get("title").asString())
			.toList();
	}

	/** Records what the guides module announces, as the notifications module hears it. */
	@TestConfiguration
	static class RecordedGuideEvents {

		final List<Object> all = new CopyOnWriteArrayList<>();

		@EventListener({ GuidesSubmitted.class, GuideApproved.class, GuideReturned.class, GuidePublished.class,
				GuideRevoked.class })
		void on(Object event) {
			this.all.add(event);
		}

	}

}
