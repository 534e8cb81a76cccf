package org.xietong.organizations.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xietong.accounts.CurrentUser;
import org.xietong.organizations.ExpertManagement;
import org.xietong.organizations.ExpertManagement.NewExpert;
import org.xietong.organizations.ExpertView;
import org.xietong.organizations.ImportReport;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.shared.PageResult;

/**
 * The department's expert pool and each enterprise's own experts: each sees and adds only
 * to its own pool; an expert declares its own conflicts.
 */
@RestController
@RequestMapping("/api/v1/experts")
@Tag(name = "Experts")
class ExpertsApiController {

	private final ExpertManagement experts;

	private final OrganizationManagement organizations;

	ExpertsApiController(ExpertManagement experts, OrganizationManagement organizations) {
		this.experts = experts;
		this.organizations = organizations;
	}

	@PostMapping
	@Operation(summary = "Add an expert to the caller's pool (the department's, or the enterprise's own)")
	ResponseEntity<ExpertView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewExpertBody body) {
		UUID owner = pool(user);
		Affiliation affiliation = (body.affiliation() == null) ? new Affiliation(null, null) : body.affiliation();
		List<UUID> conflicts = (body.conflicts() == null) ? List.of() : body.conflicts();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.experts.create(owner,
					new NewExpert(body.username(), body.password(), body.displayName(), affiliation.organizationId(),
							affiliation.name(), body.fields(), body.email(), body.phone(), conflicts, true)));
	}

	@GetMapping
	PageResult<ExpertView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.experts.search(pool(user), q, page, size);
	}

	@GetMapping("/{id}")
	ExpertView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return visible(user, id);
	}

	@PostMapping("/{id}/conflicts")
	@Operation(
			summary = "Declare a conflict of interest with an organisation or a person (the expert, or its pool's owner)")
	ExpertView declareConflict(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody ConflictBody body) {
		visible(user, id);
		return this.experts.declareConflict(id, body.organizationId(), body.personName(), body.reason());
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user) {
		pool(user);
		return ResponseEntity.ok()
			.contentType(TeachersApiController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"experts-template.xlsx\"")
			.body(this.experts.template());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import experts from an .xlsx sheet into the caller's pool, all or nothing")
	ResponseEntity<ImportReport> importSheet(@AuthenticationPrincipal CurrentUser user,
			@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		UUID owner = pool(user);
		try (InputStream content = file.getInputStream()) {
			ImportReport report = this.experts.importSheet(owner, content, dryRun);
			return ResponseEntity.status(report.valid() ? (dryRun ? 200 : 201) : 422).body(report);
		}
	}

	private ExpertView visible(CurrentUser user, UUID id) {
		return this.experts.visibleTo(user, id);
	}

	private UUID pool(CurrentUser user) {
		return this.experts.poolOf(user);
	}

	record Affiliation(UUID organizationId, String name) {
	}

	record NewExpertBody(String displayName, String username, String password, Affiliation affiliation,
			List<String> fields, String email, String phone, List<UUID> conflicts) {
	}

	record ConflictBody(UUID organizationId, String personName, String reason) {
	}

}
