package org.xietong.projects.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xietong.accounts.CurrentUser;
import org.xietong.projects.AgreementTerms;
import org.xietong.projects.AgreementView;
import org.xietong.projects.Agreements;
import org.xietong.projects.ChangeRequests;
import org.xietong.projects.CompletionList;
import org.xietong.projects.Completions;
import org.xietong.projects.HistoryEntry;
import org.xietong.projects.ProjectHistory;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Projects")
class ProjectLifecycleApiController {

	private final Projects projects;

	private final Agreements agreements;

	private final ChangeRequests changes;

	private final Completions completions;

	private final CompletionList completionList;

	private final ProjectHistory history;

	private final JsonMapper json;

	ProjectLifecycleApiController(Projects projects, Agreements agreements, ChangeRequests changes,
			Completions completions, CompletionList completionList, ProjectHistory history, JsonMapper json) {
		this.projects = projects;
		this.agreements = agreements;
		this.changes = changes;
		this.completions = completions;
		this.completionList = completionList;
		this.history = history;
		this.json = json;
	}

	record ReasonRequest(String reason) {
	}

	record ExpertRequest(UUID expertId) {
	}

	record ConclusionRequest(Completions.Conclusion conclusion, String comment) {
	}

	// The agreement.

	@PostMapping(path = "/api/v1/projects/{projectId}/agreement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The leader submits the cooperation agreement: part terms (JSON: cashTotal, "
			+ "hardwareSoftwareTotal, startsOn, endsOn, deliverables, ipOwnership UNIVERSITY|ENTERPRISE|JOINT|AS_AGREED, "
			+ "optional fundsDueOn) and part file (the signed copy, PDF or image). Amounts that differ from the "
			+ "approved ones by a fen: 422 AGREEMENT_MISMATCH naming the fields")
	AgreementView submitAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId,
			@RequestPart("terms") String terms, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		AgreementTerms parsed;
		try {
			parsed = this.json.readValue(terms, AgreementTerms.class);
		}
		catch (JacksonException ex) {
			throw DomainException.invalid("terms", "MALFORMED", "the terms as JSON: " + ex.getOriginalMessage());
		}
		return this.agreements.submit(projectId, user, parsed, (file == null) ? null : file.getInputStream(),
				(file == null) ? null : file.getOriginalFilename());
	}

	@GetMapping("/api/v1/projects/{projectId}/agreement")
	@Operation(summary = "A project's agreement, for those who may see the project")
	AgreementView agreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		return this.agreements.find(projectId).orElseThrow(() -> DomainException.notFound("agreement"));
	}

	@GetMapping("/api/v1/projects/{projectId}/agreement/file")
	@Operation(summary = "The signed agreement's file, for those who may see the project")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> agreementFile(
			@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		org.xietong.files.StoredFile file = this.agreements.file(projectId)
			.orElseThrow(() -> DomainException.notFound("file"));
		return org.xietong.files.FileDownloads.attachment(file, this.agreements.open(file));
	}

	@PostMapping("/api/v1/projects/{projectId}/agreement/check")
	@Operation(summary = "The university checks the submitted agreement")
	AgreementView checkAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		return this.agreements.check(projectId, user);
	}

	@PostMapping("/api/v1/projects/{projectId}/agreement/confirm")
	@Operation(summary = "The enterprise confirms the checked agreement: the project becomes IN_PROGRESS")
	AgreementView confirmAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		return this.agreements.confirm(projectId, user);
	}

	@PostMapping("/api/v1/projects/{projectId}/agreement/return")
	@Operation(summary = "The university (submitted) or the enterprise (checked) returns the agreement with a reason")
	AgreementView returnAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId,
			@RequestBody(required = false) ReasonRequest body) {
		return this.agreements.returnAgreement(projectId, user, (body == null) ? null : body.reason());
	}

	// Change requests.

	@PostMapping("/api/v1/projects/{projectId}/changes")
	@Operation(summary = "The leader asks for a change: kind LEADER (newLeaderId, a teacher of the same university) "
			+ "or EXTENSION (newEndsOn, at most the batch's maxExtensionMonths later; once per project, a second is "
			+ "409 QUOTA_EXCEEDED), with a reason; the enterprise approves, then the department")
	ChangeRequests.ChangeView requestChange(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId,
			@RequestBody ChangeRequests.ChangeRequest body) {
		return this.changes.request(projectId, user, body);
	}

	@GetMapping("/api/v1/projects/{projectId}/changes")
	@Operation(summary = "A project's change requests, newest first")
	List<ChangeRequests.ChangeView> changes(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		return this.changes.changes(projectId);
	}

	@GetMapping("/api/v1/changes/{changeId}")
	@Operation(summary = "One change request, for those who may see its project")
	ChangeRequests.ChangeView change(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID changeId) {
		ChangeRequests.ChangeView change = this.changes.find(changeId)
			.orElseThrow(() -> DomainException.notFound("change"));
		this.projects.get(change.projectId(), user);
		return change;
	}

	@PostMapping("/api/v1/changes/{changeId}/approve")
	@Operation(summary = "The enterprise (first) or the department (then) approves a change; the department's "
			+ "approval applies it (the end date moves, or the leader changes)")
	ChangeRequests.ChangeView approveChange(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID changeId) {
		return this.changes.approve(changeId, user);
	}

	@PostMapping("/api/v1/changes/{changeId}/reject")
	@Operation(summary = "The enterprise or the department rejects a change with a reason")
	ChangeRequests.ChangeView rejectChange(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID changeId,
			@RequestBody(required = false) ReasonRequest body) {
		return this.changes.reject(changeId, user, (body == null) ? null : body.reason());
	}

	// Completion and acceptance.

	@PostMapping("/api/v1/projects/{projectId}/completion")
	@Operation(summary = "The leader asks for completion acceptance: report, outcomes[{kind COURSE|TEXTBOOK|CASE|"
			+ "PAPER|PATENT|OTHER, title, description}], fundUsage[{category, amount}]")
	Completions.CompletionView requestCompletion(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID projectId, @RequestBody Completions.CompletionRequest body) {
		return this.completions.submit(projectId, user, body);
	}

	@GetMapping("/api/v1/projects/{projectId}/completion")
	@Operation(summary = "A project's completion request and its conclusion")
	Completions.CompletionView completion(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		return this.completions.find(projectId).orElseThrow(() -> DomainException.notFound("completion"));
	}

	@PostMapping(path = "/api/v1/projects/{projectId}/completion/outcomes/{index}/file",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The leader attaches a file (part file) to outcome number index (from 0) of its completion "
			+ "request, until the university decides")
	Completions.CompletionView attachOutcomeFile(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID projectId, @PathVariable int index, @RequestPart("file") MultipartFile file)
			throws IOException {
		return this.completions.attachOutcomeFile(projectId, user, index, file.getInputStream(),
				file.getOriginalFilename());
	}

	@GetMapping("/api/v1/projects/{projectId}/completion/outcomes/{index}/file")
	@Operation(summary = "An outcome's file, for those who may see the project")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> outcomeFile(
			@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId, @PathVariable int index) {
		this.projects.get(projectId, user);
		org.xietong.files.StoredFile file = this.completions.outcomeFile(projectId, index)
			.orElseThrow(() -> DomainException.notFound("file"));
		return org.xietong.files.FileDownloads.attachment(file, this.completions.open(file));
	}

	@PostMapping("/api/v1/projects/{projectId}/completion/consent")
	@Operation(summary = "The university consents to the completion request")
	Completions.CompletionView consent(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		return this.completions.consent(projectId, user);
	}

	@PostMapping("/api/v1/projects/{projectId}/completion/return")
	@Operation(summary = "The university returns the completion request with a reason; the project runs on")
	Completions.CompletionView returnCompletion(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId,
			@RequestBody(required = false) ReasonRequest body) {
		return this.completions.returnRequest(projectId, user, (body == null) ? null : body.reason());
	}

	@PostMapping("/api/v1/projects/{projectId}/acceptance/assignments")
	@Operation(summary = "The enterprise assigns an acceptance expert of its pool; 409 CONFLICT_OF_INTEREST as in "
			+ "review")
	Completions.AcceptanceAssignment assignAcceptance(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID projectId, @RequestBody ExpertRequest body) {
		return this.completions.assign(projectId, user, (body == null) ? null : body.expertId());
	}

	@GetMapping("/api/v1/projects/{projectId}/acceptance/assignments")
	@Operation(summary = "A project's acceptance experts and their conclusions (the enterprise and the department)")
	List<Completions.AcceptanceAssignment> acceptanceAssignments(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		if (!user.has(org.xietong.accounts.Role.ENTERPRISE_CONTACT)
				&& !user.has(org.xietong.accounts.Role.DEPARTMENT_OFFICER)) {
			throw new org.springframework.security.access.AccessDeniedException("for the enterprise and department");
		}
		return this.completions.assignments(projectId);
	}

	@GetMapping("/api/v1/acceptance-assignments")
	@Operation(summary = "An expert's acceptance assignments")
	List<Completions.AcceptanceAssignment> myAcceptance(@AuthenticationPrincipal CurrentUser user) {
		return this.completions.mine(user);
	}

	@GetMapping("/api/v1/acceptance-assignments/{assignmentId}")
	@Operation(summary = "One acceptance assignment: its expert, or the project's enterprise and the department")
	Completions.AcceptanceAssignment acceptanceAssignment(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID assignmentId) {
		return this.completions.assignment(assignmentId, user);
	}

	@PostMapping("/api/v1/acceptance-assignments/{assignmentId}/conclude")
	@Operation(summary = "The expert concludes: PASS, FAIL or RECTIFY, with a comment")
	Completions.AcceptanceAssignment expertConclude(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID assignmentId, @RequestBody ConclusionRequest body) {
		return this.completions.conclude(assignmentId, user, (body == null) ? null : body.conclusion(),
				(body == null) ? null : body.comment());
	}

	@PostMapping("/api/v1/projects/{projectId}/acceptance/conclude")
	@Operation(summary = "The enterprise records the conclusion once every expert concluded: PASS (awaits the "
			+ "completion list), FAIL, or RECTIFY and resubmit (at most the batch's maxRectifications times)")
	Completions.CompletionView conclude(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId,
			@RequestBody ConclusionRequest body) {
		return this.completions.concludeAcceptance(projectId, user, (body == null) ? null : body.conclusion(),
				(body == null) ? null : body.comment());
	}

	// History, the completion list and certificates.

	@GetMapping("/api/v1/projects/{projectId}/history")
	@Operation(summary = "Every step of a project: when, who, what")
	List<HistoryEntry> history(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		return this.history.of(projectId);
	}

	@PostMapping("/api/v1/batches/{batchId}/completions/publish")
	@Operation(summary = "The department publishes the completion list: projects whose passed acceptance stood "
			+ "through a closed COMPLETIONS notice become COMPLETED, each with a certificate")
	CompletionList.Publication publishCompletions(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID batchId) {
		return this.completionList.publish(batchId, user);
	}

	@GetMapping("/api/v1/batches/{batchId}/completions")
	@Operation(summary = "The batch's published completion list (anyone), in number order; q filters")
	org.xietong.shared.PageResult<CompletionList.Item> completions(@PathVariable UUID batchId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.completionList.list(batchId, q, page, size);
	}

	@GetMapping("/api/v1/projects/{projectId}/certificate")
	@Operation(summary = "A completed project's certificate: certificateNumber and verificationCode (the project's "
			+ "leader, university, enterprise and the department)")
	CertificateResponse certificate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		this.projects.get(projectId, user);
		CompletionList.Certificate certificate = this.completionList.certificate(projectId)
			.orElseThrow(() -> DomainException.notFound("certificate"));
		return new CertificateResponse(certificate.number(), certificate.verificationCode(), certificate.issuedAt());
	}

	record CertificateResponse(String certificateNumber, String verificationCode, java.time.Instant issuedAt) {
	}

	@GetMapping("/api/v1/verify/certificates/{number}")
	@Operation(summary = "Check a completion certificate (anyone): valid only with its verification code; an "
			+ "unknown number or another code answers valid: false and nothing more")
	CompletionList.CertificateVerification verifyCertificate(@PathVariable String number,
			@RequestParam(required = false) String code) {
		return this.completionList.verify(number, code);
	}

}
