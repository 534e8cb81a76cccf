package org.xietong.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xietong.approvals.Approvals;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchPhase;
import org.xietong.batches.BatchSchedule;
import org.xietong.batches.BatchView;
import org.xietong.calendar.WorkingDayCalendar;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeView;

/**
 * The batches every home page shows: those not finished, with their phase, the next
 * deadline counted down in calendar time, and their running notices counted down in
 * working days. A batch is finished once its review has closed and every decision on it
 * is published.
 */
@Component
public class OpenBatches {

	/** The most notices shown per batch: the rest are a click away. */
	private static final int NOTICES_SHOWN = 10;

	private final BatchManagement batches;

	private final Approvals approvals;

	private final NoticeBoard notices;

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	OpenBatches(BatchManagement batches, Approvals approvals, NoticeBoard notices, WorkingDayCalendar calendar,
			Clock clock) {
		this.batches = batches;
		this.approvals = approvals;
		this.notices = notices;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The open batches now, newest year first. */
	public List<Card> now() {
		Instant now = this.clock.instant();
		return this.batches.all()
			.stream()
			.filter(batch -> !finished(batch, now))
			.map(batch -> card(batch, now))
			.toList();
	}

	private boolean finished(BatchView batch, Instant now) {
		if (batch.phaseAt(now) != BatchPhase.DECISION) {
			return false;
		}
		Approvals.Progress progress = this.approvals.progress(batch.id());
		return progress.published() > 0
				&& progress.pending() + progress.approved() + progress.key() + progress.rejected() == 0;
	}

	private Card card(BatchView batch, Instant now) {
		BatchSchedule.Deadline next = batch.nextDeadlineAfter(now).orElse(null);
		List<Notice> running = this.notices.search(batch.id(), null, "OPEN", 0, NOTICES_SHOWN)
			.items()
			.stream()
			.map(notice -> notice(batch, notice, now))
			.toList();
		return new Card(batch.id(), batch.code(), batch.title(), batch, batch.phaseAt(now), next,
				(next == null) ? null : Countdown.calendar(now, next.at()), running);
	}

	private Notice notice(BatchView batch, NoticeView notice, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, batch.timeZone());
		LocalDate last = LocalDate.ofInstant(notice.closesAt(), batch.timeZone());
		long left = now.isAfter(notice.closesAt()) ? 0 : this.calendar.count(today, last);
		return new Notice(notice.id(), notice.title(), notice.closesAt(), Countdown.workingDays(left));
	}

	/**
	 * An open batch as its home page card shows it.
	 *
	 * @param next the milestone that ends the current phase, or {@code null} once the
	 * review has closed
	 * @param countdown the time left to {@code next}, or {@code null}
	 */
	public record Card(UUID id, String code, String title, BatchView batch, BatchPhase phase,
			BatchSchedule.Deadline next, Countdown countdown, List<Notice> notices) {
	}

	/** A notice of the batch still open, and the working days left in its period. */
	public record Notice(UUID id, String title, Instant closesAt, Countdown countdown) {
	}

}
