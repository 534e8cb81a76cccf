package org.xietong.organizations;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface Enterprises extends ListCrudRepository<Enterprise, UUID> {

	boolean existsByCreditCode(String creditCode);

}
