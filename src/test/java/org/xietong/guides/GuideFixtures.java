package org.xietong.guides;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchSchedule;
import org.xietong.batches.BatchView;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PublishedGuides;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the guide tests need and make for themselves, so that they never count the demo's
 * guides: batches of their own around the platform's clock, and eligible enterprises
 * registered, approved and with their credit report on file.
 */
final class GuideFixtures {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Api api;

	private final BatchManagement batches;

	private final MovableClock clock;

	GuideFixtures(Api api, BatchManagement batches, MovableClock clock) {
		this.api = api;
		this.batches = batches;
		this.clock = clock;
	}

	/** A batch whose guide submission runs from {@code opens} to {@code closes}. */
	BatchView batch(Instant opens, Instant closes) {
		Instant applicationOpens = closes.plus(Duration.ofDays(10));
		return this.batches
			.create(BatchDefinition.withNoticeRules(Samples.unique("GT"), "指南测试批次 " + Samples.unique("t"),
					LocalDate.ofInstant(opens, SHANGHAI).getYear(), new BatchSchedule(opens, closes, applicationOpens,
							applicationOpens.plus(Duration.ofDays(10)), applicationOpens.plus(Duration.ofDays(40)))));
	}

	/** A batch that opened a day ago and takes guides for five more days. */
	BatchView openBatch() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return batch(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)));
	}

	/** An enterprise that may take part in any batch, signed in through the API. */
	Enterprise eligibleEnterprise() {
		var enterprise = new PublishedGuides(this.api, this.batches, this.clock).eligibleEnterprise();
		return new Enterprise(enterprise.id(), enterprise.name(), enterprise.username(), enterprise.token());
	}

	/** A guide's request body in the 2024 notice's lists. */
	static Map<String, Object> guide(String type, String title, String cash, String hardware, int projects) {
		return PublishedGuides.guide(type, title, cash, hardware, projects);
	}

	/** Drafts a guide and answers its id. */
	String draft(String batchId, String token, Map<String, Object> body) {
		Response created = this.api.post("/api/v1/batches/" + batchId + "/guides", token, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** Drafts guides worth exactly the batch's minimum of cash and submits them. */
	List<String> submitted(String batchId, Enterprise enterprise, Map<String, Object>... guides) {
		List<String> ids = java.util.Arrays.stream(guides)
			.map(body -> draft(batchId, enterprise.token(), body))
			.toList();
		Response submitted = this.api.post("/api/v1/batches/" + batchId + "/guides/submit", enterprise.token(), "{}");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		return ids;
	}

	/** The department approves each guide. */
	void approve(List<String> guideIds) {
		String dept = this.api.token("dept");
		for (String id : guideIds) {
			Response approved = this.api.post("/api/v1/guides/" + id + "/approve", dept, "{}");
			assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		}
	}

	/**
	 * Puts approved guides under a GUIDES notice, lets it run out and closes it: the path
	 * every published guide takes. The clock is back where it was afterwards.
	 */
	String publish(String batchId, List<String> guideIds) {
		Response notice = this.api.post("/api/v1/notices", this.api.token("dept"), Map.of("batchId", batchId, "kind",
				"GUIDES", "title", "项目指南公示", "body", "公示五个工作日。", "subjectIds", guideIds));
		assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
		String noticeId = notice.json().get("id").asString();
		Duration before = this.clock.offset();
		this.clock.advance(Duration.ofDays(20));
		try {
			Response closed = this.api.post("/api/v1/notices/" + noticeId + "/close", this.api.token("dept"), "{}");
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		}
		finally {
			this.clock.advance(before.minus(this.clock.offset()));
		}
		return noticeId;
	}

	/** An enterprise as the tests use it: its id, name, contact's username and token. */
	record Enterprise(String id, String name, String username, String token) {
	}

}
