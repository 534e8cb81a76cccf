package org.xietong.approvals.web;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.xietong.approvals.Approvals;
import org.xietong.batches.ProjectType;

/**
 * The department queue's filters as typed into its GET form: the batch, the state, the
 * type and a text. Values that cannot be read filter nothing, so that a stale link still
 * opens the page.
 */
public record QueueForm(String batchId, String state, String type, String q) {

	/** The states the queue filters by, in the order a decision goes. */
	public static final java.util.List<String> STATES = java.util.List.of("PENDING", "APPROVED", "KEY", "REJECTED",
			"PUBLISHED");

	private static final Set<String> KNOWN = Set.copyOf(STATES);

	/** The chosen batch, when one that can be read is chosen. */
	UUID batch() {
		try {
			return blank(this.batchId) ? null : UUID.fromString(this.batchId.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	String chosenState() {
		String state = blank(this.state) ? null : this.state.strip().toUpperCase(Locale.ROOT);
		return (state != null && KNOWN.contains(state)) ? state : null;
	}

	ProjectType chosenType() {
		return blank(this.type) ? null : ProjectType.parse(this.type.strip()).orElse(null);
	}

	Approvals.QueueFilter filter() {
		return new Approvals.QueueFilter(chosenState(), chosenType(), null, null, blank(this.q) ? null : this.q);
	}

	public boolean isState(String name) {
		return name.equals(chosenState());
	}

	public boolean isType(ProjectType candidate) {
		return candidate == chosenType();
	}

	public String qValue() {
		return (this.q == null) ? "" : this.q;
	}

	public String stateValue() {
		String state = chosenState();
		return (state == null) ? "" : state;
	}

	public String typeValue() {
		ProjectType chosen = chosenType();
		return (chosen == null) ? "" : chosen.name();
	}

	/** The filters as query parameters after the batch, each starting with {@code &}. */
	public String queryString() {
		return ApprovalDisplay.param("state", stateValue()) + ApprovalDisplay.param("type", typeValue())
				+ ApprovalDisplay.param("q", this.q);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
