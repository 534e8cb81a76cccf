package org.xietong.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.RecommendedApplications;
import org.xietong.support.RecommendedApplications.Recommended;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publication holds its transaction open for as long as a national list takes: people
 * signing in and teachers saving drafts meanwhile must not wait for its commit.
 */
@PlatformTest
class PublicationAlongsideWorkTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String dept;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.dept = this.api.token("dept");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aSignInAndADraftSaveMadeWhilePublicationIsUncommittedAnswerBeforeItCommits() throws Exception {
		Recommended batch = new RecommendedApplications(this.api, this.batches, this.clock).recommend(null, 1,
				"CURRICULUM");
		RecommendedApplications.Item leader = batch.applications().get(0);
		assertThat(this.api
			.post("/api/v1/applications/" + leader.applicationId() + "/approve", this.dept, Map.of("key", false))
			.status()).isEqualTo(200);
		closeNotice(this.api.post("/api/v1/notices", this.dept, Map.of("batchId", batch.batchId().toString(), "kind",
				"APPROVALS", "title", "立项公示", "body", "公示五个工作日。", "subjectIds", List.of(leader.applicationId()))));
		// The teacher whose application is being published drafts another in an open
		// batch.
		PublishedGuides guides = new PublishedGuides(this.api, this.batches, this.clock);
		PublishedGuides.Batch open = guides.batch(null, "20000", "CURRICULUM");
		Response draft = this.api.post("/api/v1/guides/" + open.guideIds().get(0) + "/applications",
				leader.teacherToken(), PublishedGuides.application("发布期间的草稿"));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		// Publication's last statement waits 4 s: by then it has written every row and
		// audit entry it writes, and holds them uncommitted.
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION slow_publication() RETURNS trigger AS $$
				BEGIN
				  IF NEW.batch_id = '%s' AND NEW.last_published_at IS NOT NULL THEN PERFORM pg_sleep(4); END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""".formatted(batch.batchId())).update();
		this.jdbc.sql("""
				CREATE TRIGGER slow_publication BEFORE UPDATE ON approval_rounds
				FOR EACH ROW EXECUTE FUNCTION slow_publication()""").update();
		CompletableFuture<Response> publication;
		Response signIn;
		Response saved;
		boolean committedBeforeTheirAnswers;
		try {
			publication = CompletableFuture.supplyAsync(
					() -> this.api.post("/api/v1/batches/" + batch.batchId() + "/approvals/publish", this.dept, "{}"));
			awaitPublicationHoldingItsRows();

			signIn = this.api.post("/api/v1/auth/token", null, Map.of("username", "auditor", "password", "Demo@2024"));
			Map<String, Object> body = new java.util.HashMap<>(PublishedGuides.application("发布期间的草稿（已保存）"));
			body.put("version", draft.json().get("version").asLong());
			saved = this.api.put("/api/v1/applications/" + draft.json().get("id").asString(), leader.teacherToken(),
					body);
			committedBeforeTheirAnswers = publication.isDone();
		}
		finally {
			this.jdbc.sql("DROP TRIGGER slow_publication ON approval_rounds").update();
			this.jdbc.sql("DROP FUNCTION slow_publication()").update();
		}

		assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().get("title").asString()).isEqualTo("发布期间的草稿（已保存）");
		assertThat(committedBeforeTheirAnswers).as("publication committed before they answered").isFalse();
		Response published = publication.get();
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().get("published").asInt()).isOne();
	}

	/** Until publication is in its last statement, the one the trigger slows. */
	private void awaitPublicationHoldingItsRows() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			long waiting = this.jdbc.sql("""
					SELECT COUNT(*) FROM pg_stat_activity
					WHERE query LIKE 'UPDATE approval_rounds SET last_published_at%' AND state = 'active'""")
				.query(Long.class)
				.single();
			if (waiting > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("publication never reached its last statement");
	}

	/** Lets the notice run out and closes it; the clock goes back afterwards. */
	private void closeNotice(Response notice) {
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
		this.dept = this.api.token("dept");
	}

}
