package org.xietong.reviews.web;

import java.util.List;

/**
 * The automatic plan as the page shows it: per application the experts it would get, and
 * the applications that would still lack some.
 *
 * @param complete whether every application would get all its experts (else applying is
 * refused with INSUFFICIENT_EXPERTS)
 */
public record AutoPreview(List<Line> lines, List<Short> shortOf, int pairs, boolean complete) {

	/** An application and the experts it would get. */
	public record Line(String title, List<String> experts) {
	}

	/** An application that would still lack {@code missing} experts. */
	public record Short(String title, int missing) {
	}

}
