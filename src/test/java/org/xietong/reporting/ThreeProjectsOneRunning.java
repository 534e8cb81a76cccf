package org.xietong.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedProjects;
import org.xietong.support.PublishedProjects.Project;
import org.xietong.support.PublishedProjects.Published;

/**
 * The batch the statistics tests count: three approved projects to one enterprise's guide
 * from two universities (two from 吉林大学, one from 东北师范大学), the first running with half its
 * cash paid (not yet confirmed).
 *
 * @param published the batch and its projects
 * @param agreed the running project's agreed cash
 * @param paid what was paid of it
 */
record ThreeProjectsOneRunning(Published published, BigDecimal agreed, BigDecimal paid) {

	static ThreeProjectsOneRunning make(Api api, BatchManagement batches, MovableClock clock) {
		PublishedProjects projects = new PublishedProjects(api, batches, clock);
		Published published = projects.publish(3);
		Project running = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		projects.running(running, enterprise);
		BigDecimal paid = running.cash().divide(BigDecimal.valueOf(2)).setScale(2);
		Response payment = api.post(running.path("/disbursements"), enterprise,
				Map.of("kind", "CASH", "amount", paid.toPlainString(), "paidOn",
						LocalDate.now(PublishedGuides.SHANGHAI).minusDays(1).toString(), "reference", "转账流水 统计-0001"));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
		return new ThreeProjectsOneRunning(published, running.cash().setScale(2), paid);
	}

}
