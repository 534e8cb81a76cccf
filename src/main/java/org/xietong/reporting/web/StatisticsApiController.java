package org.xietong.reporting.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.reporting.Scope;
import org.xietong.reporting.Statistics;
import org.xietong.reporting.Statistics.OrganizationKind;
import org.xietong.reporting.StatisticsJson;

@RestController
@Tag(name = "Statistics")
class StatisticsApiController {

	private final Statistics statistics;

	StatisticsApiController(Statistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/api/v1/batches/{batchId}/statistics")
	@Operation(summary = "The batch's statistics (department): the funnel from guides to certificates, funds, and "
			+ "the same by university, enterprise, type, direction and industry; counted live, exact as of asOf")
	Map<String, Object> batch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId) {
		Scope scope = this.statistics.scope(user, batchId, null, null);
		return answer(scope, batchId, null, null);
	}

	@GetMapping("/api/v1/universities/{universityId}/statistics")
	@Operation(summary = "A university's statistics in a batch (that university and the department; the newest "
			+ "batch when batchId is omitted): its teachers' applications, projects and funds, by enterprise, type "
			+ "and teacher. Another organisation's answer 404; teachers and experts 403")
	Map<String, Object> university(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@RequestParam(required = false) UUID batchId) {
		Scope scope = this.statistics.scope(user, batchId, OrganizationKind.UNIVERSITY, universityId);
		return answer(scope, scope.batchIds().get(0), "universityId", universityId);
	}

	@GetMapping("/api/v1/enterprises/{enterpriseId}/statistics")
	@Operation(summary = "An enterprise's statistics in a batch (that enterprise and the department; the newest "
			+ "batch when batchId is omitted): its guides, the applications they received, projects and funds, by "
			+ "guide and university. Another organisation's answer 404; teachers and experts 403")
	Map<String, Object> enterprise(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID enterpriseId,
			@RequestParam(required = false) UUID batchId) {
		Scope scope = this.statistics.scope(user, batchId, OrganizationKind.ENTERPRISE, enterpriseId);
		return answer(scope, scope.batchIds().get(0), "enterpriseId", enterpriseId);
	}

	private Map<String, Object> answer(Scope scope, UUID batchId, String organizationField, UUID organizationId) {
		Statistics.BatchRef batch = this.statistics.batch(batchId);
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("batchId", batch.id());
		if (organizationField != null) {
			head.put(organizationField, organizationId);
			head.put("name", this.statistics.organizationName(organizationId).orElse(""));
		}
		return StatisticsJson.of(this.statistics.report(scope), head, batch.zone());
	}

}
