package org.xietong.shared;

import java.util.List;

/**
 * One page of a list, as every list of the API answers it.
 *
 * @param items the page's items
 * @param page the page's index, from 0
 * @param size the page size asked for
 * @param total how many items there are in all
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public static final int MAX_SIZE = 200;

	/** Checks a requested page and size: size from 1 to 200, page from 0. */
	public static void check(int page, int size) {
		if (page < 0) {
			throw DomainException.invalid("page", "OUT_OF_RANGE", "page starts at 0");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw DomainException.invalid("size", "OUT_OF_RANGE", "size runs from 1 to " + MAX_SIZE);
		}
	}

	/** Cuts one page out of a complete, ordered list. */
	public static <T> PageResult<T> of(List<T> all, int page, int size) {
		check(page, size);
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageResult<>(all.subList(from, to), page, size, all.size());
	}

	public int pages() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
