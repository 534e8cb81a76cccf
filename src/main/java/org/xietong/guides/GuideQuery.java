package org.xietong.guides;

import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * A search of the catalogue: whose guides the caller may see ({@link Scope}) and the
 * filters it chose. {@code enterprise} is an enterprise's id or part of its name;
 * {@code minCash} the least cash per project; {@code text} searches title, enterprise
 * name and description, ignoring case.
 */
public record GuideQuery(Scope scope, UUID owner, UUID batchId, GuideStatus status, ProjectType type, String direction,
		String industry, String enterprise, Money minCash, String text, GuideSort sort) {

	public GuideQuery {
		if (scope == null || (scope == Scope.OWN && owner == null)) {
			throw new IllegalArgumentException("a scope, and an owner for OWN");
		}
		sort = (sort == null) ? GuideSort.NEWEST : sort;
		direction = blankToNull(direction);
		industry = blankToNull(industry);
		enterprise = blankToNull(enterprise);
		text = blankToNull(text);
	}

	/** The public catalogue: published guides only. */
	public static GuideQuery published() {
		return new GuideQuery(Scope.PUBLISHED, null, null, null, null, null, null, null, null, null, null);
	}

	/** One enterprise's own guides, in every status. */
	public static GuideQuery own(UUID enterpriseId) {
		return new GuideQuery(Scope.OWN, enterpriseId, null, null, null, null, null, null, null, null, null);
	}

	/** Every guide in every status: the department's view. */
	public static GuideQuery all() {
		return new GuideQuery(Scope.ALL, null, null, null, null, null, null, null, null, null, null);
	}

	/** This scope with the given filters; {@code null} leaves a filter out. */
	public GuideQuery filter(UUID batchId, GuideStatus status, ProjectType type, String direction, String industry,
			String enterprise, Money minCash, String text, GuideSort sort) {
		return new GuideQuery(this.scope, this.owner, batchId, status, type, direction, industry, enterprise, minCash,
				text, sort);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** Whose guides a search may see. */
	public enum Scope {

		/** Everyone's published guides. */
		PUBLISHED,

		/** One enterprise's guides, in every status. */
		OWN,

		/** Every guide, for the department. */
		ALL

	}

}
