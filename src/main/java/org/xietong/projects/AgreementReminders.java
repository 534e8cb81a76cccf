package org.xietong.projects;

import java.time.Clock;
import java.time.LocalDate;
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

/**
 * Reminds the leaders of approved projects whose agreement is not in: 3 days before it is
 * due, and once when it is late (the university is told then too). Each reminder goes out
 * once, even with several instances: the row that records it is its claim.
 */
@Component
public class AgreementReminders {

	static final int DAYS_BEFORE = 3;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AgreementReminders(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends the reminders that are due; answers how many. */
	@Scheduled(fixedDelayString = "${xietong.projects.reminder-interval:PT30M}",
			initialDelayString = "${xietong.projects.reminder-initial-delay:PT2M}")
	public int remind() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), BatchManagement.DEFAULT_TIME_ZONE);
		int sent = remind("AGREEMENT_OVERDUE", "p.agreement_due_on < :today", today);
		sent += remind("AGREEMENT_DUE_SOON", "p.agreement_due_on BETWEEN :today AND :soon", today);
		return sent;
	}

	private int remind(String kind, String when, LocalDate today) {
		record Due(UUID id, String number, String title, UUID leaderId, UUID universityId, UUID enterpriseId,
				LocalDate dueOn) {
		}
		List<Due> due = this.jdbc
			.sql("""
					SELECT p.id, p.project_number, p.title, p.leader_id, p.university_id, p.enterprise_id, p.agreement_due_on
					FROM projects p LEFT JOIN project_agreements a ON a.project_id = p.id
					WHERE p.status = 'APPROVED' AND (a.status IS NULL OR a.status = 'RETURNED') AND """
					+ " " + when
					+ """

							AND NOT EXISTS (SELECT 1 FROM project_reminders r WHERE r.project_id = p.id AND r.reminder = :kind)""")
			.param("today", today)
			.param("soon", today.plusDays(DAYS_BEFORE))
			.param("kind", kind)
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
					rs.getObject(7, LocalDate.class)))
			.list();
		int sent = 0;
		for (Due project : due) {
			Boolean claimed = this.transactions.execute(status -> {
				try {
					this.jdbc.sql("""
							INSERT INTO project_reminders (project_id, reminder, sent_at) VALUES (:id, :kind, :at)""")
						.param("id", project.id())
						.param("kind", kind)
						.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
						.update();
					this.events.publishEvent(new ProjectStep(project.id(), project.number(), project.title(), kind,
							project.dueOn().toString(), project.leaderId(), project.universityId(),
							project.enterpriseId(), null));
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
