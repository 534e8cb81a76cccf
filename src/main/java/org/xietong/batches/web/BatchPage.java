package org.xietong.batches.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xietong.batches.BatchPhase;
import org.xietong.batches.BatchSchedule.Deadline;
import org.xietong.batches.BatchView;
import org.xietong.shared.Money;

/**
 * What the public batch page shows at one instant: each phase with its dates, the current
 * one, and the time left until the next deadline.
 *
 * @param batch the batch
 * @param phase the phase it is in now
 * @param phases every phase, in order
 * @param deadline the milestone that ends the current phase, or {@code null} after the
 * last
 * @param countdown the time left until it, or {@code null}
 */
public record BatchPage(BatchView batch, BatchPhase phase, List<PhaseRow> phases, Deadline deadline,
		Countdown countdown) {

	static BatchPage at(BatchView batch, Instant now) {
		BatchPhase current = batch.phaseAt(now);
		Map<String, Instant> milestones = batch.schedule().milestones();
		List<PhaseRow> phases = Arrays.stream(BatchPhase.values())
			.map(phase -> new PhaseRow(phase, phase.startsAt().map(milestones::get).orElse(null),
					phase.endsAt().map(milestones::get).orElse(null), phase.compareTo(current)))
			.toList();
		Deadline deadline = batch.nextDeadlineAfter(now).orElse(null);
		return new BatchPage(batch, current, phases, deadline,
				(deadline == null) ? null : Countdown.between(now, deadline.at()));
	}

	/** An amount for people: {@code ¥200,000.00}. */
	public static String yuan(Money amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + format.format(amount.amount());
	}

	/**
	 * A phase and its dates; {@code from} is null for the first, {@code to} for the last.
	 */
	public record PhaseRow(BatchPhase phase, Instant from, Instant to, int comparedToCurrent) {

		public boolean isCurrent() {
			return this.comparedToCurrent == 0;
		}

		public boolean isPast() {
			return this.comparedToCurrent < 0;
		}

	}

	/** Whole days and hours left. */
	public record Countdown(long days, long hours) {

		static Countdown between(Instant now, Instant deadline) {
			Duration left = Duration.between(now, deadline);
			if (left.isNegative()) {
				left = Duration.ZERO;
			}
			return new Countdown(left.toDays(), left.toHoursPart());
		}

		/** Less than an hour left. */
		public boolean isUnderAnHour() {
			return this.days == 0 && this.hours == 0;
		}

	}

}
