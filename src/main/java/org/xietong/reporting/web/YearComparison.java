package org.xietong.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.xietong.reporting.Counting;
import org.xietong.reporting.Measure;

/**
 * The department's figures year against year: each figure per year and its change on the
 * year before, in percent.
 *
 * @param years the years, oldest first
 * @param rows one row per figure
 */
public record YearComparison(List<Integer> years, List<Line> rows) {

	static final List<Measure> MEASURES = List.of(Measure.ENTERPRISES_PARTICIPATING, Measure.GUIDES_PUBLISHED,
			Measure.PROJECTS_OFFERED, Measure.CASH_OFFERED, Measure.SUBMITTED, Measure.ENDORSED, Measure.SELECTED,
			Measure.APPROVED, Measure.KEY, Measure.PROJECTS, Measure.COMPLETED, Measure.CASH_AGREED, Measure.CASH_PAID,
			Measure.CASH_CONFIRMED, Measure.CERTIFICATES);

	static YearComparison of(Map<Integer, Counting.Figures> byYear) {
		List<Integer> years = new ArrayList<>(byYear.keySet());
		Collections.sort(years);
		List<Line> rows = new ArrayList<>();
		for (Measure measure : MEASURES) {
			List<String> values = new ArrayList<>();
			List<String> changes = new ArrayList<>();
			List<String> links = new ArrayList<>();
			BigDecimal before = null;
			for (int year : years) {
				Number value = byYear.get(year).get(measure);
				BigDecimal now = new BigDecimal(value.toString());
				values.add(StatisticsView.display(value));
				links.add("/statistics/list?year=" + year + "&measure=" + measure.key());
				changes.add((before == null || before.signum() == 0) ? ""
						: now.subtract(before)
							.multiply(BigDecimal.valueOf(100))
							.divide(before, 1, RoundingMode.HALF_UP)
							.toPlainString() + "%");
				before = now;
			}
			rows.add(new Line(measure.key(), values, changes, links));
		}
		return new YearComparison(years, rows);
	}

	/**
	 * A figure over the years.
	 *
	 * @param key the measure's key
	 * @param values its value per year, as shown
	 * @param changes its change on the year before, or empty for the first year
	 * @param links the list behind each year's value
	 */
	public record Line(String key, List<String> values, List<String> changes, List<String> links) {

	}

}
