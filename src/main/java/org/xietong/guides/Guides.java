package org.xietong.guides;

import java.util.List;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface Guides extends ListCrudRepository<Guide, UUID> {

	/**
	 * An enterprise's guides in a batch, locked until the transaction ends: a submission
	 * counts and moves them as one.
	 */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	List<Guide> findByBatchIdAndEnterpriseIdOrderByCreatedAt(UUID batchId, UUID enterpriseId);

	/** An enterprise's guides in a batch, oldest first, for reading. */
	List<Guide> findByEnterpriseIdAndBatchIdOrderByCreatedAt(UUID enterpriseId, UUID batchId);

}
