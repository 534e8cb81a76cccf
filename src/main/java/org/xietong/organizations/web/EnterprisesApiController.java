package org.xietong.organizations.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.files.StoredFile;
import org.xietong.organizations.BatchEligibility;
import org.xietong.organizations.DocumentKind;
import org.xietong.organizations.EnterpriseDocument;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseStatus;
import org.xietong.organizations.EnterpriseView;
import org.xietong.organizations.RegisterEnterprise;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprises")
class EnterprisesApiController {

	private final EnterpriseManagement enterprises;

	private final BatchManagement batches;

	EnterprisesApiController(EnterpriseManagement enterprises, BatchManagement batches) {
		this.enterprises = enterprises;
		this.batches = batches;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an enterprise and its contact account (public); status PENDING_REVIEW")
	EnterpriseView register(@RequestBody Registration body) {
		return this.enterprises.register(body.command());
	}

	@GetMapping
	@Operation(summary = "Enterprises: all for the department (its review queue with status=PENDING_REVIEW), "
			+ "one's own for an enterprise contact")
	PageResult<EnterpriseView> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) EnterpriseStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (user.has(Role.DEPARTMENT_OFFICER)) {
			return this.enterprises.search(status, q, page, size);
		}
		if (user.has(Role.ENTERPRISE_CONTACT)) {
			PageResult.check(page, size);
			List<EnterpriseView> own = this.enterprises.find(user.organizationId())
				.filter(view -> status == null || view.status() == status)
				.stream()
				.toList();
			return PageResult.of(own, page, size);
		}
		throw new AccessDeniedException("no enterprise list for this role");
	}

	@GetMapping("/{id}")
	EnterpriseView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		EnterpriseAccess.checkRead(user, id);
		return this.enterprises.find(id).orElseThrow(() -> DomainException.notFound("enterprise"));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ENTERPRISE_CONTACT')")
	@Operation(summary = "Correct the registration while it is under review or returned (send its version)")
	EnterpriseView correct(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody Registration body) {
		EnterpriseAccess.checkOwn(user, id);
		if (body.version() == null) {
			throw DomainException.invalid("version", "REQUIRED", "send the version you read");
		}
		return this.enterprises.correct(id, body.version(), body.command());
	}

	@PostMapping("/{id}/resubmit")
	@PreAuthorize("hasRole('ENTERPRISE_CONTACT')")
	EnterpriseView resubmit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		EnterpriseAccess.checkOwn(user, id);
		return this.enterprises.resubmit(id);
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	EnterpriseView approve(@PathVariable UUID id) {
		return this.enterprises.approve(id);
	}

	@PostMapping("/{id}/return")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	EnterpriseView returnForCorrection(@PathVariable UUID id, @RequestBody Reason body) {
		return this.enterprises.returnForCorrection(id, body.reason());
	}

	@PostMapping("/{id}/reject")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	EnterpriseView reject(@PathVariable UUID id, @RequestBody Reason body) {
		return this.enterprises.reject(id, body.reason());
	}

	@PostMapping("/{id}/blacklist")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	@Operation(summary = "Put the enterprise on the defaulters' list")
	EnterpriseView blacklist(@PathVariable UUID id, @RequestBody Reason body) {
		return this.enterprises.blacklist(id, body.reason());
	}

	@PostMapping("/{id}/unblacklist")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	@Operation(summary = "Take the enterprise off the defaulters' list")
	EnterpriseView unblacklist(@PathVariable UUID id, @RequestBody Reason body) {
		return this.enterprises.removeFromBlacklist(id, body.reason());
	}

	@PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ENTERPRISE_CONTACT')")
	@Operation(summary = "File a document: kind BUSINESS_LICENSE, CREDIT_REPORT, FINANCIAL_STATEMENT or "
			+ "COMMITMENT_LETTER; PDF, PNG or JPEG by content, at most 10 MB")
	EnterpriseDocument upload(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam("kind") String kind, @RequestPart("file") MultipartFile file) throws IOException {
		EnterpriseAccess.checkOwn(user, id);
		DocumentKind documentKind = parseKind(kind);
		try (InputStream content = file.getInputStream()) {
			return this.enterprises.uploadDocument(id, documentKind, content, file.getOriginalFilename(),
					user.username());
		}
	}

	@GetMapping("/{id}/documents")
	List<EnterpriseDocument> documents(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		EnterpriseAccess.checkRead(user, id);
		return this.enterprises.documents(id);
	}

	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable UUID documentId) {
		EnterpriseAccess.checkRead(user, id);
		StoredFile file = this.enterprises.documentFile(id, documentId)
			.orElseThrow(() -> DomainException.notFound("document"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.originalName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(this.enterprises.open(file)));
	}

	@GetMapping("/{id}/eligibility")
	@Operation(summary = "Whether the enterprise may take part in a batch, and each condition met or not")
	BatchEligibility eligibility(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam UUID batchId) {
		EnterpriseAccess.checkRead(user, id);
		this.enterprises.find(id).orElseThrow(() -> DomainException.notFound("enterprise"));
		BatchView batch = this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
		return this.enterprises.eligibility(id, batch);
	}

	static DocumentKind parseKind(String kind) {
		try {
			return DocumentKind.valueOf(kind);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw DomainException.invalid("kind", "INVALID_DOCUMENT_KIND",
					"one of BUSINESS_LICENSE, CREDIT_REPORT, FINANCIAL_STATEMENT, COMMITMENT_LETTER");
		}
	}

	record Contact(String name, String phone, String email) {
	}

	record Registration(String name, String creditCode, String legalRepresentative, LocalDate foundedOn,
			Money registeredCapital, String industry, String address, String description, Contact contact,
			String username, String password, Long version) {

		RegisterEnterprise command() {
			Contact c = (this.contact == null) ? new Contact(null, null, null) : this.contact;
			return new RegisterEnterprise(this.name, this.creditCode, this.legalRepresentative, this.foundedOn,
					this.registeredCapital, this.industry, this.address, this.description, c.name(), c.phone(),
					c.email(), this.username, this.password);
		}

	}

	record Reason(String reason) {
	}

}
