package org.xietong.batches.web;

/** The filter of the batch list: a year, as typed. */
public record BatchFilter(String year) {

	/** The year asked for, or {@code null} for every year (also when unreadable). */
	public Integer yearValue() {
		try {
			return (this.year == null || this.year.isBlank()) ? null : Integer.valueOf(this.year.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public String yearText() {
		return (yearValue() == null) ? "" : yearValue().toString();
	}

	public String queryString() {
		return (yearValue() == null) ? "" : "&year=" + yearValue();
	}

}
