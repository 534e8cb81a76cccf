package org.xietong.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers again the events whose listener failed, or whose delivery an instance began
 * and never finished (it stopped or died): one instance at a time, under a PostgreSQL
 * advisory lock, and only once a delivery has been left for
 * {@code xietong.events.resubmit-after}, so that an instance never takes over what a live
 * one is still doing. The listeners' side effects are idempotent
 * ({@link EventDeliveries}), so a delivery that did finish after all is harmless.
 */
@Component
class EventResubmission {

	/** The advisory lock's key: "xietong-events" in no particular encoding. */
	static final long LOCK = 0x78746576656e7473L;

	/** A publication whose listener failed this often is left FAILED for an operator. */
	static final int MAX_ATTEMPTS = 20;

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	private final IncompleteEventPublications publications;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration after;

	EventResubmission(IncompleteEventPublications publications, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${xietong.events.resubmit-after:PT5M}") Duration after) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.after = after;
	}

	/**
	 * Resubmits what is due, if no other instance is doing so; answers whether this one
	 * did.
	 */
	@Scheduled(fixedDelayString = "${xietong.events.resubmission-interval:PT1M}",
			initialDelayString = "${xietong.events.resubmission-interval:PT1M}")
	public boolean resubmit() {
		return Boolean.TRUE.equals(this.transaction.execute(status -> {
			if (!Boolean.TRUE.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
				.param("key", LOCK)
				.query(Boolean.class)
				.single())) {
				return false;
			}
			OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.after), ZoneOffset.UTC);
			int abandoned = this.jdbc.sql("""
					UPDATE event_publication SET status = 'FAILED'
					WHERE completion_date IS NULL
					AND ((status IN ('PUBLISHED', 'PROCESSING') AND publication_date < :cutoff)
					  OR (status = 'RESUBMITTED' AND COALESCE(last_resubmission_date, publication_date) < :cutoff))""")
				.param("cutoff", cutoff)
				.update();
			if (abandoned > 0) {
				log.warn("{} event deliveries left unfinished for over {}: delivering them again", abandoned,
						this.after);
			}
			this.publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
				.withBatchSize(1000)
				.withMaxInFlight(1000)
				.withFilter(publication -> publication.getCompletionAttempts() < MAX_ATTEMPTS));
			return true;
		}));
	}

}
