package org.xietong.organizations;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface Organizations extends ListCrudRepository<Organization, UUID> {

	boolean existsByKindAndCode(OrganizationKind kind, String code);

	List<Organization> findByKindOrderByName(OrganizationKind kind);

	java.util.Optional<Organization> findFirstByCode(String code);

	java.util.Optional<Organization> findFirstByName(String name);

}
