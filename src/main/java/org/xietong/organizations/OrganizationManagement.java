package org.xietong.organizations;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.OrganizationDirectory;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;

/** Creates and finds organisations; tells accounts what kind each one is. */
@Service
public class OrganizationManagement implements OrganizationDirectory {

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	OrganizationManagement(Organizations organizations, AuditTrail audit, Clock clock) {
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The department that runs this installation. */
	public UUID departmentId() {
		return Organization.DEPARTMENT_ID;
	}

	/** Adds a university by its Ministry of Education institution code (10 digits). */
	@Transactional
	public OrganizationView createUniversity(String name, String code) {
		String trimmedName = (name == null) ? "" : name.trim();
		String trimmedCode = (code == null) ? "" : code.trim();
		if (trimmedName.isEmpty() || trimmedName.length() > 200) {
			throw DomainException.invalid("name", "REQUIRED", "a name of 1 to 200 characters is required");
		}
		if (!trimmedCode.matches("\\d{10}")) {
			throw DomainException.invalid("code", "INSTITUTION_CODE_FORMAT", "the institution code has 10 digits");
		}
		if (this.organizations.existsByKindAndCode(OrganizationKind.UNIVERSITY, trimmedCode)) {
			throw DomainException.invalid("code", "INSTITUTION_CODE_TAKEN", "a university with this code exists");
		}
		Organization university = this.organizations.save(Organization.create(OrganizationKind.UNIVERSITY, trimmedName,
				trimmedCode, "ACTIVE", this.clock.instant()));
		this.audit.record(AuditEvent.of("UNIVERSITY_CREATED", "Organization", university.id())
			.after("name=" + trimmedName + ", code=" + trimmedCode));
		return university.view();
	}

	@Transactional(readOnly = true)
	public Optional<OrganizationView> find(UUID id) {
		return this.organizations.findById(id).map(Organization::view);
	}

	@Transactional(readOnly = true)
	public List<OrganizationView> findAll(OrganizationKind kind) {
		return this.organizations.findByKindOrderByName(kind).stream().map(Organization::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> kindOf(UUID organizationId) {
		return this.organizations.findById(organizationId).map(organization -> organization.kind().name());
	}

}
