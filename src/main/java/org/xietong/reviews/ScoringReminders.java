package org.xietong.reviews;

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

/**
 * Reminds experts of assignments not yet submitted: 3 days and 1 day before the scoring
 * deadline, each once (the row that records it is its claim, across instances).
 */
@Component
public class ScoringReminders {

	private static final List<Integer> DAYS_BEFORE = List.of(1, 3);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ScoringReminders(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends the reminders that are due; answers how many. */
	@Scheduled(fixedDelayString = "${xietong.applications.reminder-interval:PT10M}",
			initialDelayString = "${xietong.applications.reminder-initial-delay:PT1M}")
	public int remind() {
		Instant now = this.clock.instant();
		record Open(UUID id, UUID expertId, String title, Instant deadline) {
		}
		List<Open> open = this.jdbc
			.sql("""
					SELECT a.id, a.expert_id, ap.title, p.scoring_deadline FROM review_assignments a
					JOIN review_plans p ON p.guide_id = a.guide_id JOIN applications ap ON ap.id = a.application_id
					WHERE a.status IN ('ASSIGNED', 'ACCEPTED') AND p.scoring_deadline > :now AND p.scoring_deadline <= :horizon""")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("horizon", OffsetDateTime.ofInstant(now.plus(Duration.ofDays(3)), ZoneOffset.UTC))
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
		int sent = 0;
		for (Open assignment : open) {
			int days = (Duration.between(now, assignment.deadline()).compareTo(Duration.ofDays(1)) <= 0) ? 1 : 3;
			Boolean claimed = this.transactions.execute(status -> {
				try {
					int inserted = claim(assignment.id(), days, now);
					for (int kind : DAYS_BEFORE) {
						if (kind > days) {
							// A later reminder makes the earlier one moot.
							claim(assignment.id(), kind, now);
						}
					}
					if (inserted > 0) {
						this.events.publishEvent(new ScoringDeadlineApproaching(assignment.id(), assignment.expertId(),
								assignment.title(), assignment.deadline(), days));
						return true;
					}
					return false;
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

	private int claim(UUID assignmentId, int days, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO review_reminders (assignment_id, reminder, sent_at)
				SELECT :id, :kind, :at WHERE NOT EXISTS (SELECT 1 FROM review_reminders
				  WHERE assignment_id = :id AND reminder = :kind)""")
			.param("id", assignmentId)
			.param("kind", "D" + days)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

}
