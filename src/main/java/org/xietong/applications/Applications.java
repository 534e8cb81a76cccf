package org.xietong.applications;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface Applications extends ListCrudRepository<Application, UUID> {

}
