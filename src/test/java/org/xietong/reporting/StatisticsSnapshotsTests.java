package org.xietong.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;

/**
 * Statistics kept for at most their max age: a second request within it answers the same
 * report (as of the same moment) without counting again; past it, or once the background
 * refresh has run, the report counts what changed. A max age of zero always counts live.
 */
@PlatformTest
class StatisticsSnapshotsTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	@Autowired
	Statistics statistics;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aReportIsKeptForItsMaxAgeAndCountedAgainAfterIt() {
		UUID batchId = publishedBatch();
		AtomicLong nanos = new AtomicLong();
		StatisticsSnapshots snapshots = new StatisticsSnapshots(this.statistics, Duration.ofMinutes(1), nanos::get);
		Scope scope = Scope.department(List.of(batchId), this.clock.instant());

		Statistics.Report first = snapshots.report(scope);
		revokeOneGuide(batchId);
		nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		Statistics.Report kept = snapshots.report(scope);
		nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		Statistics.Report counted = snapshots.report(scope);

		assertThat(first.totals().count(Measure.GUIDES_REVOKED)).isZero();
		assertThat(kept).isSameAs(first);
		assertThat(counted.totals().count(Measure.GUIDES_REVOKED)).isEqualTo(1);
		assertThat(counted.scope().now()).isAfterOrEqualTo(first.scope().now());
	}

	@Test
	void theBackgroundRefreshCountsAgainWhatSomeoneLooksAtAndForgetsWhatNobodyDoes() {
		UUID batchId = publishedBatch();
		AtomicLong nanos = new AtomicLong();
		StatisticsSnapshots snapshots = new StatisticsSnapshots(this.statistics, Duration.ofMinutes(1), nanos::get);
		Scope scope = Scope.department(List.of(batchId), this.clock.instant());

		Statistics.Report first = snapshots.report(scope);
		revokeOneGuide(batchId);
		nanos.addAndGet(Duration.ofSeconds(31).toNanos());
		snapshots.refresh();
		Statistics.Report refreshed = snapshots.report(scope);
		nanos.addAndGet(Duration.ofMinutes(11).toNanos());
		snapshots.refresh();
		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		Statistics.Report afterForgetting = snapshots.report(scope);

		assertThat(first.totals().count(Measure.GUIDES_REVOKED)).isZero();
		assertThat(refreshed).isNotSameAs(first);
		assertThat(refreshed.totals().count(Measure.GUIDES_REVOKED)).isEqualTo(1);
		assertThat(afterForgetting).isNotSameAs(refreshed);
	}

	@Test
	void withAMaxAgeOfZeroEveryRequestCountsLive() {
		UUID batchId = publishedBatch();
		StatisticsSnapshots snapshots = new StatisticsSnapshots(this.statistics, Duration.ZERO, () -> 0L);
		Scope scope = Scope.department(List.of(batchId), this.clock.instant());

		Statistics.Report first = snapshots.report(scope);
		revokeOneGuide(batchId);
		Statistics.Report second = snapshots.report(scope);

		assertThat(first.totals().count(Measure.GUIDES_REVOKED)).isZero();
		assertThat(second.totals().count(Measure.GUIDES_REVOKED)).isEqualTo(1);
	}

	private UUID publishedBatch() {
		return new PublishedGuides(new Api(this.port), this.batches, this.clock)
			.batch(null, "100000.00", 2, "CURRICULUM", "TEACHER_TRAINING")
			.id();
	}

	/**
	 * A change the statistics must see; made in SQL, since the test is about when they
	 * see it.
	 */
	private void revokeOneGuide(UUID batchId) {
		int changed = this.jdbc
			.sql("UPDATE guides SET status = 'REVOKED' WHERE id = (SELECT id FROM guides WHERE batch_id = :batch "
					+ "AND status = 'PUBLISHED' ORDER BY id LIMIT 1)")
			.param("batch", batchId)
			.update();
		assertThat(changed).isEqualTo(1);
	}

}
