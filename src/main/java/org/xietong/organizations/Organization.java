package org.xietong.organizations;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation: the department, a university (by its 10-digit code) or an enterprise
 * (by its credit code).
 */
@Table("organizations")
class Organization {

	static final UUID DEPARTMENT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

	@Id
	private final UUID id;

	private final OrganizationKind kind;

	private String name;

	private final String code;

	private String status;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Organization(UUID id, OrganizationKind kind, String name, String code, String status, Instant createdAt,
			Long version) {
		this.id = id;
		this.kind = kind;
		this.name = name;
		this.code = code;
		this.status = status;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Organization create(OrganizationKind kind, String name, String code, String status, Instant now) {
		return new Organization(UUID.randomUUID(), kind, name, code, status, now, null);
	}

	OrganizationView view() {
		return new OrganizationView(this.id, this.kind, this.name, this.code, this.status,
				this.version == null ? 0 : this.version);
	}

	UUID id() {
		return this.id;
	}

	OrganizationKind kind() {
		return this.kind;
	}

	String name() {
		return this.name;
	}

}
