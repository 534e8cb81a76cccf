package org.xietong.reviews.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationQueries;
import org.xietong.reviews.AssignmentPlanView;
import org.xietong.reviews.AssignmentView;
import org.xietong.reviews.Ranking;
import org.xietong.reviews.Rankings;
import org.xietong.reviews.ReviewAssignments;
import org.xietong.reviews.ReviewPlan;
import org.xietong.reviews.ReviewPlans;
import org.xietong.reviews.Selections;
import org.xietong.shared.PageResult;

@RestController
@Tag(name = "Enterprise review")
class ReviewsApiController {

	private final ReviewPlans plans;

	private final ReviewAssignments assignments;

	private final Rankings rankings;

	private final Selections selections;

	ReviewsApiController(ReviewPlans plans, ReviewAssignments assignments, Rankings rankings, Selections selections) {
		this.plans = plans;
		this.assignments = assignments;
		this.rankings = rankings;
		this.selections = selections;
	}

	@PutMapping("/api/v1/guides/{guideId}/review-plan")
	@Operation(summary = "Set a published guide's review plan (enterprise): criteria[{name, weight, maxScore}] with "
			+ "weights summing to 100, expertsPerApplication (default: the batch's, 3), scoringDeadline (default: the "
			+ "batch's reviewCloses), disagreementMargin (points, default 20), maxPerExpert (default 30). Criteria are "
			+ "locked (409 PLAN_LOCKED) once an expert submitted scores")
	ReviewPlan putPlan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestBody ReviewPlans.PlanRequest body) {
		return this.plans.put(guideId, user, body);
	}

	@GetMapping("/api/v1/guides/{guideId}/review-plan")
	@Operation(summary = "A guide's review plan (its enterprise)")
	ReviewPlan getPlan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId) {
		return this.plans.get(guideId, user);
	}

	@PutMapping("/api/v1/batches/{batchId}/review-plan")
	@Operation(summary = "Set one plan on every published guide of the caller's enterprise in the batch")
	List<ReviewPlan> putBatchPlan(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestBody ReviewPlans.PlanRequest body) {
		return this.plans.putForBatch(batchId, user, body);
	}

	@PostMapping("/api/v1/applications/{applicationId}/assignments")
	@Operation(summary = "Assign an expert of the enterprise's pool (its own or the department's) to an endorsed "
			+ "application to its guide; 409 CONFLICT_OF_INTEREST naming each conflict (SAME_ORGANIZATION, "
			+ "TEAM_MEMBER, DECLARED, OTHER), QUOTA_EXCEEDED at the expert's cap or the application's number of experts")
	AssignmentPlanView assign(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestBody ExpertRequest body) {
		return this.assignments.assign(applicationId, body.expertId(), user);
	}

	@PostMapping("/api/v1/applications/{applicationId}/conflicts")
	@Operation(summary = "Add a conflict of interest between an expert and an application by hand (enterprise); it "
			+ "holds from then on, and an unsubmitted assignment of the pair ends")
	Map<String, Object> addConflict(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestBody ConflictRequest body) {
		this.assignments.addConflict(applicationId, body.expertId(), body.reason(), user);
		return Map.of("applicationId", applicationId, "expertId", body.expertId(), "kind", "OTHER");
	}

	@PostMapping("/api/v1/guides/{guideId}/assignments/auto")
	@Operation(summary = "Plan the experts of every endorsed application to the guide (min-cost max-flow: no "
			+ "conflicted expert, each within maxPerExpert, the load as even as the pool allows). dryRun true changes "
			+ "nothing and shows the plan and shortOf; otherwise the plan is applied whole or refused with "
			+ "INSUFFICIENT_EXPERTS")
	AssignmentPlanView auto(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestBody(required = false) AutoRequest body) {
		return this.assignments.auto(guideId, body != null && Boolean.TRUE.equals(body.dryRun()), user);
	}

	@GetMapping("/api/v1/assignments")
	@Operation(summary = "An expert's own assignments, soonest deadline first (optionally of one status: ASSIGNED, "
			+ "ACCEPTED, DECLINED, SUBMITTED); an enterprise's assignments on its guide with guideId")
	Object list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID guideId,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (user.has(Role.ENTERPRISE_CONTACT)) {
			if (guideId == null) {
				throw org.xietong.shared.DomainException.invalid("guideId", "REQUIRED", "name the guide");
			}
			List<AssignmentView> all = this.assignments.forGuide(guideId, user);
			return PageResult.of(all, page, size);
		}
		return this.assignments.forExpert(user, status, page, size);
	}

	@GetMapping("/api/v1/assignments/{id}")
	@Operation(summary = "One assignment: the expert's own (with the application and the criteria), or an "
			+ "enterprise's on its guide; otherwise 404")
	Object get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		if (user.has(Role.EXPERT)) {
			return this.assignments.sheet(id, user);
		}
		return this.assignments.get(id, user);
	}

	@GetMapping("/api/v1/assignments/{id}/attachments/{attachmentId}")
	@Operation(summary = "An attachment of the application the expert is assigned to")
	ResponseEntity<InputStreamResource> attachment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		ApplicationQueries.Download download = this.assignments.attachment(id, attachmentId, user);
		return download.response();
	}

	@PostMapping("/api/v1/assignments/{id}/accept")
	@Operation(summary = "The expert accepts, confirming {\"noConflict\": true}")
	AssignmentView accept(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody(required = false) AcceptRequest body) {
		return this.assignments.accept(id, user, body != null && Boolean.TRUE.equals(body.noConflict()));
	}

	@PostMapping("/api/v1/assignments/{id}/decline")
	@Operation(summary = "The expert declines with a reason")
	AssignmentView decline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody(required = false) ReasonRequest body) {
		return this.assignments.decline(id, user, (body == null) ? null : body.reason());
	}

	@PutMapping("/api/v1/assignments/{id}/score")
	@Operation(summary = "Save the expert's scores as a draft (some criteria may be left out)")
	AssignmentView saveScores(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody ScoreRequest body) {
		return this.assignments.score(id, user, body.scores(), body.comment(), false);
	}

	@PostMapping("/api/v1/assignments/{id}/score")
	@Operation(summary = "Submit the expert's scores: scores[{criterion, score}] for every criterion within 0 and its "
			+ "maxScore, and a comment; before the plan's scoring deadline (else 409 WINDOW_CLOSED). An accepted "
			+ "assignment is scored: unaccepted ones are refused with ASSIGNMENT_NOT_ACCEPTED")
	AssignmentView submitScores(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody ScoreRequest body) {
		return this.assignments.score(id, user, body.scores(), body.comment(), true);
	}

	@GetMapping("/api/v1/guides/{guideId}/ranking")
	@Operation(summary = "The ranking of a guide's applications (enterprise): items[{applicationId, rank, score, "
			+ "median, spread, disagreement, expertCount, missing, totals}], score the mean of the experts' totals "
			+ "(Σ weight × score ÷ maxScore), trimmed from 5 experts up, to 2 decimals")
	Ranking ranking(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId) {
		return this.rankings.of(guideId, user);
	}

	@GetMapping("/api/v1/guides/{guideId}/ranking.xlsx")
	@Operation(summary = "The same ranking as a spreadsheet")
	void rankingWorkbook(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			HttpServletResponse response) throws IOException {
		RankingWorkbook.send(this.rankings.of(guideId, user), response);
	}

	@PostMapping("/api/v1/guides/{guideId}/selection")
	@Operation(summary = "Select applications of the guide (enterprise): at most projectsOffered (409 QUOTA_EXCEEDED); "
			+ "leaving out one ranked higher than a selected one needs a reason (422 SELECTION_REASON_REQUIRED), kept in "
			+ "the audit trail. Possible before the result notice and again after an upheld objection sent it back. "
			+ "Answers the ranking as it now stands")
	Ranking select(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestBody SelectionRequest body) {
		return this.selections.select(guideId, user, body.applicationIds(), body.reason());
	}

	@PostMapping("/api/v1/batches/{batchId}/recommendations")
	@Operation(summary = "Recommend selected applications to the department (enterprise), each from a guide whose "
			+ "REVIEW_RESULTS notice closed (else 409 NOTICE_NOT_CLOSED); they become RECOMMENDED and the teachers, "
			+ "universities and experts are told")
	Map<String, Object> recommend(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestBody RecommendationRequest body) {
		return Map.of("recommended", this.selections.recommend(batchId, user, body.applicationIds()));
	}

	record ExpertRequest(UUID expertId) {
	}

	record ConflictRequest(UUID expertId, String reason) {
	}

	record AutoRequest(Boolean dryRun) {
	}

	record AcceptRequest(Boolean noConflict) {
	}

	record ReasonRequest(String reason) {
	}

	record ScoreRequest(List<AssignmentView.Score> scores, String comment) {
	}

	record SelectionRequest(List<UUID> applicationIds, String reason) {
	}

	record RecommendationRequest(List<UUID> applicationIds) {
	}

}
