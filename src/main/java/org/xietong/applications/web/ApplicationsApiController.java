package org.xietong.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationManagement;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationSummary;
import org.xietong.applications.ApplicationView;
import org.xietong.applications.AttachmentView;
import org.xietong.applications.EndorsementUsage;
import org.xietong.applications.Receipt;
import org.xietong.applications.ReceiptService;
import org.xietong.applications.SubmissionCheck;
import org.xietong.applications.SubmissionResult;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;
import org.xietong.shared.web.Csv;

@RestController
@Tag(name = "Applications")
class ApplicationsApiController {

	private final ApplicationManagement applications;

	private final ApplicationQueries queries;

	private final ReceiptService receipts;

	private final String baseUrl;

	ApplicationsApiController(ApplicationManagement applications, ApplicationQueries queries, ReceiptService receipts,
			@Value("${xietong.base-url}") String baseUrl) {
		this.applications = applications;
		this.queries = queries;
		this.receipts = receipts;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@PostMapping("/api/v1/guides/{guideId}/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft the caller's application to a published guide (teacher). A draft may be incomplete; "
			+ "409 DUPLICATE_APPLICATION when the teacher already applies to the guide, WINDOW_CLOSED after the window")
	ApplicationView create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID guideId,
			@RequestBody ApplicationRequest body) {
		return this.applications.create(guideId, user, body.details());
	}

	@PutMapping("/api/v1/applications/{id}")
	@Operation(summary = "Change a draft or returned application of the caller; send the version read (an older "
			+ "one: 409 VERSION_CONFLICT)")
	ApplicationView update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody ApplicationRequest body) {
		return this.applications.update(id, user, body.version(), body.details());
	}

	@GetMapping("/api/v1/applications/{id}")
	@Operation(summary = "An application: the teacher's own, a university's teachers' once submitted, the endorsed "
			+ "ones to an enterprise's guides, every submitted one for the department; otherwise 404")
	ApplicationView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.queries.get(id, user);
	}

	@GetMapping("/api/v1/applications")
	@Operation(summary = "Applications the caller may see, newest submission first: a teacher its own, a university "
			+ "its teachers', an enterprise the endorsed ones to its guides, the department all submitted ones; "
			+ "filtered by batchId, guideId, status, type, enterpriseId and q (title, leader, guide, enterprise)")
	PageResult<ApplicationSummary> list(@AuthenticationPrincipal CurrentUser user,
			@ParameterObject ApplicationFilter filter, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.queries.search(filter.query(ApplicationQueries.scopeOf(user)), page, size);
	}

	@GetMapping("/api/v1/applications.csv")
	@Operation(summary = "The same list as CSV (UTF-8 with BOM, opens in Excel), every page of it")
	void export(@AuthenticationPrincipal CurrentUser user, @ParameterObject ApplicationFilter filter,
			HttpServletResponse response) throws IOException {
		var query = filter.query(ApplicationQueries.scopeOf(user));
		try (var out = Csv.open(response, "applications.csv", "number", "title", "status", "leader", "university",
				"guide", "enterprise", "type", "budgetTotal", "submittedAt", "endorsedAt")) {
			this.queries.forEach(query,
					a -> Csv.row(out, a.number(), a.title(), a.status(), a.leaderName(), a.universityName(),
							a.guideTitle(), a.enterpriseName(), a.type(), a.budgetTotal(), a.submittedAt(),
							a.endorsedAt()));
		}
	}

	@PostMapping(path = "/api/v1/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a file to a draft or returned application (multipart: file, kind APPLICATION_FORM "
			+ "(PDF only) or SUPPORTING (default: PDF, Word, Excel, images, ZIP)); type judged by content "
			+ "(415 FILE_TYPE_NOT_ALLOWED), size within the batch's limit (413 FILE_TOO_LARGE)")
	AttachmentView attach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(name = "kind", required = false) String kind, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			return this.applications.attach(id, user, kind, content, file.getOriginalFilename());
		}
	}

	@GetMapping("/api/v1/applications/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment of an application the caller may see")
	ResponseEntity<InputStreamResource> attachment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		ApplicationQueries.Download download = this.queries.attachment(id, attachmentId, user);
		return download.response();
	}

	@DeleteMapping("/api/v1/applications/{id}/attachments/{attachmentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an attachment from a draft or returned application")
	void detach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID attachmentId) {
		this.applications.detach(id, user, attachmentId);
	}

	@GetMapping("/api/v1/applications/{id}/submission")
	@Operation(summary = "Before submitting: the window and whether it is open now, the teacher's applications this "
			+ "year and projects in progress against the batch's limits, the guide's cash per project against the "
			+ "budget, and what is still missing")
	SubmissionCheck check(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.applications.check(id, user);
	}

	@PostMapping("/api/v1/applications/{id}/submit")
	@Operation(summary = "Submit inside the window (else 409 WINDOW_CLOSED, naming the window and the time the "
			+ "server received it); refused with QUOTA_EXCEEDED over a limit and VALIDATION_FAILED while something is "
			+ "missing. Answers the application with its receipt; submitting again changes nothing and answers the same "
			+ "receipt")
	Submitted submit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		SubmissionResult result = this.applications.submit(id, user);
		return new Submitted(result.application(), result.receipt());
	}

	@PostMapping("/api/v1/applications/{id}/withdraw")
	@Operation(summary = "Withdraw the caller's application (optional reason); possible until the enterprise's "
			+ "review starts")
	ApplicationView withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody(required = false) Reason body) {
		return this.applications.withdraw(id, user, (body == null) ? null : body.reason());
	}

	@PostMapping("/api/v1/applications/{id}/endorse")
	@Operation(summary = "Endorse (推荐) a submitted application of the university's teacher; QUOTA_EXCEEDED over the "
			+ "batch's cap per enterprise or per enterprise and type")
	ApplicationView endorse(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.applications.endorse(id, user);
	}

	@PostMapping("/api/v1/applications/{id}/return")
	@Operation(summary = "Return a submitted application to its leader with a reason (university)")
	ApplicationView returnToLeader(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody(required = false) Reason body) {
		return this.applications.returnToLeader(id, user, (body == null) ? null : body.reason());
	}

	@GetMapping("/api/v1/applications/{id}/receipt")
	@Operation(summary = "The receipt of the application's latest submission: number, submittedAt, digest (hex "
			+ "SHA-256 of content), signature (base64 Ed25519 over signedText), and content, exactly what was "
			+ "submitted")
	Receipt receipt(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.receipts.latest(id, user);
	}

	@GetMapping("/api/v1/applications/{id}/receipt.pdf")
	@Operation(summary = "The same receipt as a PDF")
	ResponseEntity<byte[]> receiptPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		Receipt receipt = this.receipts.latest(id, user);
		ApplicationView application = this.queries.get(id, user);
		byte[] pdf = ReceiptPdf.render(receipt, application, this.receipts.zoneOf(application.batchId()),
				this.baseUrl + "/verify");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("receipt-" + receipt.number() + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/api/v1/universities/{universityId}/endorsements")
	@Operation(summary = "How much of the batch's endorsement caps the university has used, per enterprise and type "
			+ "(its own administrator, the department)")
	List<EndorsementUsage> endorsements(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@RequestParam UUID batchId) {
		if (user.has(Role.UNIVERSITY_ADMIN)) {
			if (!universityId.equals(user.organizationId())) {
				throw DomainException.notFound("university");
			}
		}
		else if (!user.has(Role.DEPARTMENT_OFFICER)) {
			throw new AccessDeniedException("for universities and the department");
		}
		return this.applications.endorsementUsage(universityId, batchId);
	}

	record Reason(String reason) {
	}

	/** A submission's answer: the application as it now stands, with its receipt. */
	record Submitted(@JsonUnwrapped ApplicationView application, Receipt receipt) {
	}

}
