package org.xietong.guides;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.guides.GuideFixtures.Enterprise;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise submits all its guides of a batch at once: inside the window to the
 * second, when eligible, when its cash reaches the minimum; the department approves or
 * returns each, and the enterprise corrects and submits again or withdraws.
 */
@PlatformTest
class GuideSubmissionTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	GuideFixtures fixtures;

	Enterprise enterprise;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixtures = new GuideFixtures(this.api, this.batches, this.clock);
		this.enterprise = this.fixtures.eligibleEnterprise();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void submissionIsRefusedOneSecondBeforeTheWindowOpensAcceptedAtItsClosingSecondAndRefusedOneSecondLater() {
		Instant opens = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
		Instant closes = opens.plus(Duration.ofHours(2)).minusSeconds(1);
		BatchView batch = this.fixtures.batch(opens, closes);
		String batchId = batch.id().toString();
		this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 2));

		this.clock.set(opens.minusSeconds(1));
		Response early = submit(batchId);
		this.clock.set(closes.plusSeconds(1));
		Response late = submit(batchId);
		this.clock.set(closes);
		Response onTime = submit(batchId);

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("WINDOW_CLOSED");
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(GuideFixtures.SHANGHAI);
		assertThat(early.json().get("detail").asString()).contains(iso.format(opens)).contains(iso.format(closes));
		assertThat(late.code()).isEqualTo("WINDOW_CLOSED");
		assertThat(onTime.status()).as(onTime.toString()).isEqualTo(200);
		assertThat(onTime.json().get("items").get(0).get("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void refusesATotalOfOneHundredNinetyNineThousandNineHundredNinetyNineYuanNinetyNineAndAcceptsTwoHundredThousand() {
		String batchId = this.fixtures.openBatch().id().toString();
		String id = this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "99999.99", "0", 1));
		this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("CURRICULUM", "课程改革", "50000", "0", 2));

		Response refused = submit(batchId);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("ENTERPRISE_CASH_BELOW_MINIMUM");
		assertThat(refused.json().get("detail").asString()).contains("¥199,999.99").contains("¥200,000.00");
		assertThat(statuses(batchId)).containsOnly("DRAFT");

		Map<String, Object> more = GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000.00", "0", 1);
		more.put("version", 0);
		assertThat(this.api.put("/api/v1/guides/" + id, this.enterprise.token(), more).status()).isEqualTo(200);
		Response accepted = submit(batchId);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("cash").get("total").asString()).isEqualTo("200000.00");
		assertThat(accepted.json().get("items").size()).isEqualTo(2);
		assertThat(statuses(batchId)).containsOnly("SUBMITTED");
	}

	@Test
	void hardwareAndWithdrawnGuidesDoNotCountTowardTheCash() {
		String batchId = this.fixtures.openBatch().id().toString();
		this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("PRACTICE_BASE", "实践基地", "0", "1000000", 1));
		this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "150000", "0", 1));
		String withdrawn = this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("CURRICULUM", "课程改革", "100000", "0", 1));
		assertThat(this.api.post("/api/v1/guides/" + withdrawn + "/withdraw", this.enterprise.token(), "{}").status())
			.isEqualTo(200);

		Response preview = this.api.get("/api/v1/batches/" + batchId + "/guides/submission", this.enterprise.token());
		Response refused = submit(batchId);

		assertThat(preview.json().get("cash").get("total").asString()).isEqualTo("150000.00");
		assertThat(preview.json().get("canSubmit").asBoolean()).isFalse();
		assertThat(refused.code()).isEqualTo("ENTERPRISE_CASH_BELOW_MINIMUM");
	}

	@Test
	void anEnterpriseNotYetApprovedAndTooYoungIsRefusedWithTheFailingConditions() {
		String batchId = this.fixtures.openBatch().id().toString();
		String young = this.api.token("ent-new");
		this.fixtures.draft(batchId, young, GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "200000", "0", 1));

		Response refused = submit(batchId, young);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("ENTERPRISE_NOT_ELIGIBLE");
		assertThat(refused.json().get("errors").values().stream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("conditions.APPROVED", "conditions.FOUNDED_LONG_ENOUGH");
		assertThat(refused.json().get("errors").values().stream().map(e -> e.get("code").asString()))
			.containsExactlyInAnyOrder("ENTERPRISE_NOT_APPROVED", "ENTERPRISE_TOO_YOUNG");
	}

	@Test
	void submittingWithNothingToSubmitIsAConflict() {
		String batchId = this.fixtures.openBatch().id().toString();

		Response refused = submit(batchId);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("NOTHING_TO_SUBMIT");
	}

	@Test
	void theDepartmentsQueueListsSubmittedGuidesItApprovesOneAndReturnsAnotherWhichIsCorrectedAndSubmittedAgain() {
		String batchId = this.fixtures.openBatch().id().toString();
		List<String> ids = this.fixtures.submitted(batchId, this.enterprise,
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "100000", "0", 1),
				GuideFixtures.guide("CURRICULUM", "课程改革", "50000", "0", 2));
		String dept = this.api.token("dept");

		Response queue = this.api.get("/api/v1/guides?batchId=" + batchId + "&status=SUBMITTED", dept);
		assertThat(queue.json().get("total").asLong()).isEqualTo(2);
		assertThat(queue.json().get("items").values().stream().map(g -> g.get("id").asString()))
			.containsExactlyInAnyOrderElementsOf(ids);

		Response approved = this.api.post("/api/v1/guides/" + ids.get(0) + "/approve", dept, "{}");
		Response noReason = this.api.post("/api/v1/guides/" + ids.get(1) + "/return", dept, Map.of("reason", " "));
		Response returned = this.api.post("/api/v1/guides/" + ids.get(1) + "/return", dept,
				Map.of("reason", "请补充申报要求中的成果形式"));

		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
		assertThat(this.api.get("/api/v1/guides/" + ids.get(1), this.enterprise.token())
			.json()
			.get("returnReason")
			.asString()).isEqualTo("请补充申报要求中的成果形式");
		assertThat(this.api.post("/api/v1/guides/" + ids.get(0) + "/approve", dept, "{}").code())
			.isEqualTo("ILLEGAL_TRANSITION");

		Map<String, Object> corrected = GuideFixtures.guide("CURRICULUM", "课程改革", "50000", "0", 2);
		corrected.put("requirements", "提交课程标准与不少于 16 学时的教学视频。");
		corrected.put("version", returned.json().get("version").asLong());
		assertThat(this.api.put("/api/v1/guides/" + ids.get(1), this.enterprise.token(), corrected).status())
			.isEqualTo(200);
		Response again = submit(batchId);

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("items").values().stream().map(g -> g.get("id").asString()))
			.containsExactly(ids.get(1));
		assertThat(again.json().get("cash").get("total").asString()).isEqualTo("200000.00");
		assertThat(audited(ids.get(0), "GUIDE_APPROVED")).isEqualTo(1);
		assertThat(audited(ids.get(1), "GUIDE_RETURNED")).isEqualTo(1);
		assertThat(audited(ids.get(1), "GUIDE_SUBMITTED")).isEqualTo(2);
	}

	@Test
	void anEnterpriseWithdrawsASubmittedGuideButNotTwice() {
		String batchId = this.fixtures.openBatch().id().toString();
		String id = this.fixtures
			.submitted(batchId, this.enterprise, GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "200000", "0", 1))
			.get(0);

		Response withdrawn = this.api.post("/api/v1/guides/" + id + "/withdraw", this.enterprise.token(), "{}");
		Response again = this.api.post("/api/v1/guides/" + id + "/withdraw", this.enterprise.token(), "{}");

		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(again.status()).isEqualTo(409);
		assertThat(audited(id, "GUIDE_WITHDRAWN")).isEqualTo(1);
	}

	@Test
	void thePreviewShowsTheWindowTheConditionsTheCashAndEachDraftsMinimum() {
		String batchId = this.fixtures.openBatch().id().toString();
		this.fixtures.draft(batchId, this.enterprise.token(),
				GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设", "150000", "0", 1));
		this.jdbc.sql("UPDATE guides SET cash_per_project = 9000 WHERE enterprise_id = :id")
			.param("id", UUID.fromString(this.enterprise.id()))
			.update();

		Response preview = this.api.get("/api/v1/batches/" + batchId + "/guides/submission", this.enterprise.token());

		assertThat(preview.json().get("windowOpen").asBoolean()).isTrue();
		assertThat(preview.json().get("eligibility").get("eligible").asBoolean()).isTrue();
		assertThat(preview.json().get("cash").get("submitting").asString()).isEqualTo("9000.00");
		assertThat(preview.json().get("belowTypeMinimum").asInt()).isEqualTo(1);
		assertThat(preview.json().get("guides").get(0).get("minimum").get("met").asBoolean()).isFalse();
		assertThat(submit(batchId).code()).isEqualTo("GUIDE_BELOW_TYPE_MINIMUM");
		assertThat(this.api.get("/api/v1/batches/" + batchId + "/guides/submission", this.api.token("jlu-teacher1"))
			.status()).isEqualTo(403);
	}

	private Response submit(String batchId) {
		return submit(batchId, this.enterprise.token());
	}

	private Response submit(String batchId, String token) {
		return this.api.post("/api/v1/batches/" + batchId + "/guides/submit", token, "{}");
	}

	private List<String> statuses(String batchId) {
		return this.jdbc.sql("SELECT status FROM guides WHERE batch_id = :batch")
			.param("batch", UUID.fromString(batchId))
			.query(String.class)
			.list();
	}

	private long audited(String guideId, String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE subject_id = :id AND action = :action")
			.param("id", guideId)
			.param("action", action)
			.query(Long.class)
			.single();
	}

}
