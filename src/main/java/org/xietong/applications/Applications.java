package org.xietong.applications;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The applications; one is loaded by {@link ApplicationLoading}, by hand.
 */
interface Applications extends ListCrudRepository<Application, UUID>, ApplicationLoading {

	@Override
	Optional<Application> findById(UUID id);

}
