package org.xietong.approvals.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.approvals.ApprovalListItem;
import org.xietong.approvals.ApprovalPublication;
import org.xietong.approvals.Approvals;
import org.xietong.approvals.QueueItem;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.projects.ProjectQuery;
import org.xietong.projects.Projects;
import org.xietong.shared.PageResult;

@RestController
@Tag(name = "Approval")
class ApprovalsApiController {

	private final Approvals approvals;

	private final ApprovalPublication publication;

	private final Projects projects;

	private final ApprovalListExports exports;

	ApprovalsApiController(Approvals approvals, ApprovalPublication publication, Projects projects,
			ApprovalListExports exports) {
		this.approvals = approvals;
		this.publication = publication;
		this.projects = projects;
		this.exports = exports;
	}

	record ApproveRequest(Boolean key, String reason) {
	}

	record ReasonRequest(String reason) {
	}

	record DecisionsRequest(List<UUID> applicationIds, Approvals.Action action, String reason) {
	}

	record QueuePage(List<QueueItem> items, int page, int size, long total, Approvals.Progress progress) {
	}

	record PublishResponse(UUID batchId, int published, int rejected, List<ApprovalListItem> items) {
	}

	@PostMapping("/api/v1/applications/{applicationId}/approve")
	@Operation(summary = "Approve a recommended application (department), as a key project when key is true; "
			+ "409 QUOTA_EXCEEDED beyond the batch's keyProjectQuota, 409 APPROVAL_CHECK_FAILED when a blocking check "
			+ "fails (ENTERPRISE_ELIGIBLE, TEACHER_LIMIT, RESULT_NOTICE_CLOSED). The decision is final at publication")
	QueueItem approve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestBody(required = false) ApproveRequest body) {
		boolean key = body != null && Boolean.TRUE.equals(body.key());
		return this.approvals.approve(applicationId, user, key);
	}

	@PostMapping("/api/v1/applications/{applicationId}/reject")
	@Operation(summary = "Reject a recommended application with a reason (department); final at publication")
	QueueItem reject(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestBody(required = false) ReasonRequest body) {
		return this.approvals.reject(applicationId, user, (body == null) ? null : body.reason());
	}

	@PostMapping("/api/v1/applications/{applicationId}/approval/revert")
	@Operation(summary = "Take a decision back before publication, with a reason (department); frees a key place. "
			+ "Refused (409) while the approval is under its notice, once published, or when an upheld objection "
			+ "decided it")
	QueueItem revert(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestBody(required = false) ReasonRequest body) {
		return this.approvals.revert(applicationId, user, (body == null) ? null : body.reason());
	}

	@PostMapping("/api/v1/batches/{batchId}/approvals/decisions")
	@Operation(summary = "Decide many recommended applications of the batch at once (department): action "
			+ "APPROVE_GENERAL, APPROVE_KEY or REJECT (with reason); all or none, every refusal listed")
	List<QueueItem> decideAll(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestBody DecisionsRequest body) {
		return this.approvals.decideAll(batchId, user, body.applicationIds(), body.action(), body.reason());
	}

	@GetMapping("/api/v1/batches/{batchId}/approval-queue")
	@Operation(summary = "The department's queue: the batch's recommended applications (and those decided since), "
			+ "each with its guide's funding, its review (rank, score, experts, disagreement), its decision and the "
			+ "checks; filtered by state (PENDING, APPROVED, KEY, REJECTED, PUBLISHED), type, enterpriseId, "
			+ "universityId and q; with the batch's progress and key quota")
	QueuePage queue(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestParam(required = false) String state, @RequestParam(required = false) ProjectType type,
			@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID universityId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageResult<QueueItem> found = this.approvals.queue(batchId, user,
				new Approvals.QueueFilter(state, type, enterpriseId, universityId, q), page, size);
		return new QueuePage(found.items(), found.page(), found.size(), found.total(),
				this.approvals.progress(batchId));
	}

	@GetMapping("/api/v1/batches/{batchId}/approval-queue.csv")
	@Operation(summary = "The department's queue as CSV (UTF-8 with BOM), with the same filters")
	void queueCsv(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestParam(required = false) String state, @RequestParam(required = false) ProjectType type,
			@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) UUID universityId,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		Approvals.QueueFilter filter = new Approvals.QueueFilter(state, type, enterpriseId, universityId, q);
		// Read before answering: a refusal is still a problem document.
		this.approvals.queue(batchId, user, filter, 0, 1);
		QueueCsv.send(response, "approval-queue.csv", sink -> this.approvals.forEach(batchId, user, filter, sink));
	}

	@PostMapping("/api/v1/batches/{batchId}/approvals/publish")
	@Operation(summary = "Publish the batch's approval list (department): every recommendation decided "
			+ "(409 DECISIONS_PENDING) and every approval stood through a closed APPROVALS notice (409 "
			+ "NOTICE_NOT_CLOSED); opens the projects numbered <year>-<province>-<4 digits>, key projects first, then "
			+ "by enterprise and guide; applications become APPROVED or REJECTED. All or nothing; publishing again "
			+ "publishes only what was decided since")
	PublishResponse publish(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId) {
		ApprovalPublication.Result result = this.publication.publish(batchId, user);
		return new PublishResponse(result.batchId(), result.published(), result.rejected(),
				result.projects().stream().map(ApprovalListItem::of).toList());
	}

	@GetMapping("/api/v1/batches/{batchId}/approvals")
	@Operation(summary = "The batch's published approval list (anyone), in number order; filtered by type, key, "
			+ "universityId, enterpriseId and q (number, title, leader, university, enterprise)")
	PageResult<ApprovalListItem> list(@PathVariable UUID batchId, @RequestParam(required = false) ProjectType type,
			@RequestParam(required = false) Boolean key, @RequestParam(required = false) UUID universityId,
			@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		batch(batchId);
		PageResult<org.xietong.projects.ProjectView> found = this.projects
			.search(query(batchId, type, key, universityId, enterpriseId, q), page, size);
		return new PageResult<>(found.items().stream().map(ApprovalListItem::of).toList(), found.page(), found.size(),
				found.total());
	}

	@GetMapping("/api/v1/batches/{batchId}/approvals.xlsx")
	@Operation(summary = "The published approval list as a spreadsheet (anyone), streamed, columns 序号, 项目编号, 项目名称, "
			+ "项目类型, 负责人, 高校, 企业, 支持经费, 软硬件, 重点/一般; same filters")
	void xlsx(@PathVariable UUID batchId, @RequestParam(required = false) ProjectType type,
			@RequestParam(required = false) Boolean key, @RequestParam(required = false) UUID universityId,
			@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		this.exports.xlsx(batchId, query(batchId, type, key, universityId, enterpriseId, q), response);
	}

	@GetMapping("/api/v1/batches/{batchId}/approvals.pdf")
	@Operation(summary = "The published approval list as a PDF notice (anyone), with the Chinese font embedded; "
			+ "same filters")
	void pdf(@PathVariable UUID batchId, @RequestParam(required = false) ProjectType type,
			@RequestParam(required = false) Boolean key, @RequestParam(required = false) UUID universityId,
			@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		this.exports.pdf(batchId, query(batchId, type, key, universityId, enterpriseId, q), response);
	}

	private BatchView batch(UUID batchId) {
		return this.exports.batch(batchId);
	}

	static ProjectQuery query(UUID batchId, ProjectType type, Boolean key, UUID universityId, UUID enterpriseId,
			String q) {
		return new ProjectQuery(new ProjectQuery.Everyone(), batchId, null, type, key, universityId, enterpriseId, q);
	}

}
