package org.xietong.organizations.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.organizations.OrganizationKind;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/universities")
@Tag(name = "Universities")
class UniversitiesApiController {

	private final OrganizationManagement organizations;

	UniversitiesApiController(OrganizationManagement organizations) {
		this.organizations = organizations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	@Operation(summary = "Add a university by its 10-digit institution code")
	OrganizationView create(@RequestBody NewUniversity body) {
		return this.organizations.createUniversity(body.name(), body.code());
	}

	@GetMapping
	@Operation(summary = "Universities, by name")
	PageResult<OrganizationView> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageResult.of(this.organizations.findAll(OrganizationKind.UNIVERSITY), page, size);
	}

	@GetMapping("/{id}")
	OrganizationView get(@PathVariable UUID id) {
		return this.organizations.find(id)
			.filter(organization -> organization.kind() == OrganizationKind.UNIVERSITY)
			.orElseThrow(() -> DomainException.notFound("university"));
	}

	record NewUniversity(String name, String code) {
	}

}
