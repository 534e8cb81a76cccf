package org.xietong.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.shared.DomainException;

/**
 * Closes, in a batch whose rule {@code autoCloseNotices} is on, each notice whose period
 * has ended with no objection open, exactly as its responsible party would
 * ({@link NoticeBoard#close}), recorded in the audit trail as done by {@code system}. One
 * instance at a time, under a PostgreSQL advisory lock; a notice with an open objection,
 * or one its subject module holds back, is left for the officer.
 */
@Component
class NoticeAutoClose {

	/** The advisory lock's key: "xtnotice" in no particular encoding. */
	static final long LOCK = 0x78746e6f74696365L;

	private static final Logger log = LoggerFactory.getLogger(NoticeAutoClose.class);

	private final NoticeBoard board;

	private final BatchManagement batches;

	private final JdbcClient jdbc;

	private final TransactionTemplate outer;

	private final TransactionTemplate each;

	private final Clock clock;

	NoticeAutoClose(NoticeBoard board, BatchManagement batches, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.board = board;
		this.batches = batches;
		this.jdbc = jdbc;
		this.outer = new TransactionTemplate(transactions);
		this.each = new TransactionTemplate(transactions);
		// Each notice in a transaction of its own: one that cannot close leaves the
		// others closed.
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Closes what is due, if no other instance is doing so; answers how many notices this
	 * run closed.
	 */
	@Scheduled(cron = "${xietong.notices.auto-close-cron:0 * * * * *}")
	public int closeDue() {
		Integer closed = this.outer.execute(status -> {
			if (!Boolean.TRUE.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
				.param("key", LOCK)
				.query(Boolean.class)
				.single())) {
				return 0;
			}
			return closeEach(due());
		});
		return (closed == null) ? 0 : closed;
	}

	private List<Due> due() {
		return this.jdbc.sql("""
				SELECT n.id, n.batch_id, n.opener_organization_id FROM notices n
				WHERE n.status = 'OPEN' AND n.closes_at < :now
				AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.notice_id = n.id AND o.status = 'OPEN')
				ORDER BY n.closes_at""")
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.list();
	}

	private int closeEach(List<Due> due) {
		Map<UUID, Boolean> automatic = new HashMap<>();
		int closed = 0;
		for (Due notice : due) {
			boolean on = automatic.computeIfAbsent(notice.batchId(),
					id -> this.batches.find(id)
						.map(BatchView::rules)
						.map(rules -> rules.autoCloseNotices())
						.orElse(false));
			if (!on) {
				continue;
			}
			try {
				this.each.executeWithoutResult(status -> this.board.close(notice.id(), notice.opener()));
				closed++;
			}
			catch (DomainException ex) {
				// Held back (a selection to redo): the responsible party sees it among
				// its
				// tasks; debug, since it is tried again every minute.
				log.debug("Notice {} was not closed automatically: {}", notice.id(), ex.getMessage());
			}
		}
		if (closed > 0) {
			log.info("{} notices whose period had ended closed automatically", closed);
		}
		return closed;
	}

	private record Due(UUID id, UUID batchId, UUID opener) {
	}

}
