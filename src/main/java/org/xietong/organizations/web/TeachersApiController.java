package org.xietong.organizations.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.xietong.accounts.UserView;
import org.xietong.organizations.ImportReport;
import org.xietong.organizations.TeacherManagement;
import org.xietong.organizations.TeacherManagement.NewTeacher;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/** A university administrator's teachers; another university's are not found (404). */
@RestController
@RequestMapping("/api/v1/universities/{universityId}/teachers")
@PreAuthorize("hasRole('UNIVERSITY_ADMIN')")
@Tag(name = "Teachers")
class TeachersApiController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final TeacherManagement teachers;

	TeachersApiController(TeacherManagement teachers) {
		this.teachers = teachers;
	}

	@PostMapping
	@Operation(summary = "Create a teacher account; the teacher changes the password at first sign-in")
	ResponseEntity<UserView> create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@RequestBody NewTeacher body) {
		own(user, universityId);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.teachers.create(universityId, body));
	}

	@GetMapping
	PageResult<UserView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		own(user, universityId);
		return this.teachers.search(universityId, q, page, size);
	}

	@PostMapping("/{teacherId}/deactivate")
	UserView deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@PathVariable UUID teacherId) {
		own(user, universityId);
		return this.teachers.setActive(universityId, teacherId, false);
	}

	@PostMapping("/{teacherId}/activate")
	UserView activate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@PathVariable UUID teacherId) {
		own(user, universityId);
		return this.teachers.setActive(universityId, teacherId, true);
	}

	@GetMapping("/template.xlsx")
	@Operation(summary = "The import sheet's template")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId) {
		own(user, universityId);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"teachers-template.xlsx\"")
			.body(this.teachers.template());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import teachers from an .xlsx sheet, all or nothing; dryRun=true only reports")
	ResponseEntity<ImportReport> importSheet(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID universityId,
			@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		own(user, universityId);
		try (InputStream content = file.getInputStream()) {
			ImportReport report = this.teachers.importSheet(universityId, content, dryRun);
			return ResponseEntity.status(report.valid() ? (dryRun ? 200 : 201) : 422).body(report);
		}
	}

	static void own(CurrentUser user, UUID universityId) {
		if (!universityId.equals(user.organizationId())) {
			throw DomainException.notFound("university");
		}
	}

}
