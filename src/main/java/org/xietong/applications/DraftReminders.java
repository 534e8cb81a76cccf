package org.xietong.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;

/**
 * Reminds the leaders of applications still in draft (or returned) that the window
 * closes: 3 days and 1 day before. Each reminder goes out once, even with several
 * instances: the row that records it is its claim.
 */
@Component
public class DraftReminders {

	/** The reminders, by how many days before the close they go out, latest first. */
	static final List<Integer> DAYS_BEFORE = List.of(1, 3);

	private final JdbcClient jdbc;

	private final BatchManagement batches;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DraftReminders(JdbcClient jdbc, BatchManagement batches, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends the reminders that are due; answers how many. */
	@Scheduled(fixedDelayString = "${xietong.applications.reminder-interval:PT10M}",
			initialDelayString = "${xietong.applications.reminder-initial-delay:PT1M}")
	public int remind() {
		Instant now = this.clock.instant();
		List<UUID> batchIds = this.jdbc
			.sql("SELECT DISTINCT batch_id FROM applications WHERE status IN ('DRAFT', 'RETURNED')")
			.query(UUID.class)
			.list();
		int sent = 0;
		for (UUID batchId : batchIds) {
			BatchView batch = this.batches.find(batchId).orElse(null);
			if (batch == null) {
				continue;
			}
			Instant closes = batch.schedule().applicationCloses();
			if (!now.isBefore(closes)) {
				continue;
			}
			for (int days : DAYS_BEFORE) {
				if (Duration.between(now, closes).compareTo(Duration.ofDays(days)) <= 0) {
					sent += remind(batchId, closes, days);
					break;
				}
			}
		}
		return sent;
	}

	private int remind(UUID batchId, Instant closes, int days) {
		record Draft(UUID id, UUID leaderId, String title) {
		}
		List<Draft> drafts = this.jdbc
			.sql("""
					SELECT id, leader_id, title FROM applications a WHERE batch_id = :batch AND status IN ('DRAFT', 'RETURNED')
					AND NOT EXISTS (SELECT 1 FROM application_reminders r WHERE r.application_id = a.id AND r.reminder = :kind)""")
			.param("batch", batchId)
			.param("kind", "D" + days)
			.query((rs, n) -> new Draft(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
			.list();
		int sent = 0;
		for (Draft draft : drafts) {
			Boolean claimed = this.transactions.execute(status -> {
				try {
					for (int kind : DAYS_BEFORE) {
						if (kind >= days) {
							this.jdbc.sql("""
									INSERT INTO application_reminders (application_id, reminder, sent_at)
									SELECT :id, :kind, :at WHERE NOT EXISTS (SELECT 1 FROM application_reminders
									  WHERE application_id = :id AND reminder = :kind)""")
								.param("id", draft.id())
								.param("kind", "D" + kind)
								.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
								.update();
						}
					}
					this.events.publishEvent(new DraftDeadlineApproaching(draft.id(), draft.leaderId(),
							draft.title().isBlank() ? "（未命名）" : draft.title(), closes, days));
					return true;
				}
				catch (DuplicateKeyException ex) {
					status.setRollbackOnly();
					return false;
				}
			});
			if (Boolean.TRUE.equals(claimed)) {
				sent++;
			}
		}
		return sent;
	}

}
