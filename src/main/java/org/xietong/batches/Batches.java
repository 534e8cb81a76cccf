package org.xietong.batches;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface Batches extends ListCrudRepository<Batch, UUID> {

	Optional<Batch> findByCode(String code);

}
