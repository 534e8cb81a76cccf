package org.xietong.applications.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationQuery;
import org.xietong.shared.web.Csv;

/** A list page's export: the same columns as the API's, every page of the list. */
final class ApplicationCsv {

	private ApplicationCsv() {
	}

	static void send(HttpServletResponse response, String fileName, ApplicationQueries queries, ApplicationQuery query)
			throws IOException {
		try (var out = Csv.open(response, fileName, "number", "title", "status", "leader", "university", "guide",
				"enterprise", "type", "budgetTotal", "submittedAt", "endorsedAt")) {
			queries.forEach(query,
					a -> Csv.row(out, a.number(), a.title(), a.status(), a.leaderName(), a.universityName(),
							a.guideTitle(), a.enterpriseName(), a.type(), a.budgetTotal(), a.submittedAt(),
							a.endorsedAt()));
		}
	}

}
