package org.xietong.guides;

import java.util.Collection;
import java.util.UUID;

import org.xietong.batches.BatchRules;
import org.xietong.shared.Money;

/**
 * The notice's section 三(三) as a policy: the cash an enterprise offers across all its
 * guides in one batch (projects offered × cash per project) must reach the batch's
 * minimum (¥200,000 in 2024). Hardware and software never count; nor do withdrawn,
 * revoked or returned guides, unless a returned one is being submitted again. The total
 * counts the guides that stand submitted and those the next submission takes along, so
 * that the enterprise sees before it submits whether the submission will pass.
 */
public final class EnterpriseCashMinimum {

	private final Money minimum;

	public EnterpriseCashMinimum(Money minimum) {
		this.minimum = minimum;
	}

	public static EnterpriseCashMinimum of(BatchRules rules) {
		return new EnterpriseCashMinimum(rules.minEnterpriseCash());
	}

	public Money minimum() {
		return this.minimum;
	}

	/** The cash a guide offers: projects offered × cash per project. */
	public static Money cashOf(int projectsOffered, Money cashPerProject) {
		return cashPerProject.times(projectsOffered);
	}

	/** The total of the enterprise's guides in the batch, should it submit now. */
	public Total evaluate(Collection<Contribution> guides) {
		Money committed = Money.ZERO;
		Money submitting = Money.ZERO;
		for (Contribution guide : guides) {
			if (guide.status().countsTowardCash()) {
				committed = committed.plus(guide.cash());
			}
			else if (guide.status().awaitsSubmission()) {
				submitting = submitting.plus(guide.cash());
			}
		}
		Money total = committed.plus(submitting);
		return new Total(committed, submitting, total, this.minimum, !total.isLessThan(this.minimum));
	}

	/** One guide's part: its status and the cash it offers. */
	public record Contribution(UUID guideId, GuideStatus status, int projectsOffered, Money cashPerProject) {

		public Money cash() {
			return cashOf(this.projectsOffered, this.cashPerProject);
		}

	}

	/**
	 * The enterprise's cash in a batch: what stands submitted, what the next submission
	 * adds, their sum against the minimum.
	 */
	public record Total(Money committed, Money submitting, Money total, Money minimum, boolean met) {

		/** How much is missing; zero when the minimum is met. */
		public Money shortfall() {
			return this.met ? Money.ZERO : this.minimum.minus(this.total);
		}

	}

}
