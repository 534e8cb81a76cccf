package org.xietong.guides;

import java.util.List;
import java.util.function.UnaryOperator;

import org.xietong.shared.PageResult;

/**
 * One page of the catalogue as every list answers it, plus {@code next}: the cursor of
 * the page after this one (send it as {@code after}), null on the last page.
 */
public record CataloguePage(List<GuideView> items, int page, int size, long total, String next) {

	public PageResult<GuideView> asPageResult() {
		return new PageResult<>(this.items, this.page, this.size, this.total);
	}

	/** The same page with each guide changed, e.g. to what the public may see. */
	public CataloguePage map(UnaryOperator<GuideView> change) {
		return new CataloguePage(this.items.stream().map(change).toList(), this.page, this.size, this.total, this.next);
	}

}
