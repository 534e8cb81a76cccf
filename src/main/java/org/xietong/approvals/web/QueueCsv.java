package org.xietong.approvals.web;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.xietong.approvals.Check;
import org.xietong.approvals.QueueItem;
import org.xietong.shared.web.Csv;

/**
 * The department's queue as CSV: every row the filter finds, with its decision and
 * checks.
 */
final class QueueCsv {

	private QueueCsv() {
	}

	static void send(HttpServletResponse response, String fileName, Consumer<Consumer<QueueItem>> rows)
			throws IOException {
		try (var out = Csv.open(response, fileName, "number", "title", "type", "enterprise", "guide", "university",
				"leader", "budgetTotal", "cash", "hardwareSoftware", "rank", "score", "experts", "disagreement",
				"state", "key", "reason", "failedChecks", "projectNumber")) {
			rows.accept(item -> Csv.row(out, item.number(), item.title(), item.type(), item.enterpriseName(),
					item.guideTitle(), item.universityName(), item.leaderName(), item.budgetTotal(), item.cash(),
					item.hardwareSoftware(), (item.review() == null) ? null : item.review().rank(),
					(item.review() == null) ? null : item.review().score(),
					(item.review() == null) ? null : item.review().expertCount(),
					(item.review() == null) ? null : item.review().disagreement(), item.state(),
					(item.decision() != null) && item.decision().key(),
					(item.decision() == null) ? null : item.decision().reason(),
					item.checks()
						.stream()
						.filter(check -> !check.passed())
						.map(Check::code)
						.collect(Collectors.joining(" ")),
					item.projectNumber()));
		}
	}

}
