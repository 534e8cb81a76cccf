package org.xietong.applications;

import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.shared.DomainException;
import org.xietong.shared.ServerKey;

/**
 * Receipts as their readers see them: the latest receipt of an application its reader may
 * see, and the public check of a receipt by its number and digest.
 */
@Service
public class ReceiptService {

	private final ReceiptBook book;

	private final ApplicationQueries queries;

	private final BatchManagement batches;

	private final ServerKey key;

	ReceiptService(ReceiptBook book, ApplicationQueries queries, BatchManagement batches, ServerKey key) {
		this.book = book;
		this.queries = queries;
		this.batches = batches;
		this.key = key;
	}

	/** The receipt of the application's latest submission; 404 before the first one. */
	@Transactional(readOnly = true)
	public Receipt latest(UUID applicationId, CurrentUser user) {
		ApplicationView application = this.queries.get(applicationId, user);
		return this.book.latest(applicationId, zoneOf(application.batchId()))
			.orElseThrow(() -> DomainException.notFound("receipt"));
	}

	/**
	 * Checks a receipt: valid only for a known number with the digest it was issued for;
	 * an unknown number is simply not valid.
	 */
	@Transactional(readOnly = true)
	public ReceiptVerification verify(String number, String digest) {
		ZoneId zone = this.book.batchOf(number)
			.flatMap(this.batches::find)
			.map(BatchView::timeZone)
			.orElse(BatchManagement.DEFAULT_TIME_ZONE);
		return this.book.verify(number, digest, zone);
	}

	/** The time zone a batch's times are read in. */
	public ZoneId zoneOf(UUID batchId) {
		return this.batches.find(batchId).map(BatchView::timeZone).orElse(BatchManagement.DEFAULT_TIME_ZONE);
	}

	/** The server's public key as PEM, for checking signatures offline. */
	public String publicKeyPem() {
		return this.key.publicKeyPem();
	}

	/** The name of the key that signs receipts now. */
	public String keyId() {
		return this.key.keyId();
	}

}
