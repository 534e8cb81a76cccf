package org.xietong.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as the API answers it (api.md, "Statistics"): groups of totals, then the
 * breakdowns.
 */
public final class StatisticsJson {

	private StatisticsJson() {
	}

	public static Map<String, Object> of(Statistics.Report report, Map<String, Object> head, ZoneId zone) {
		Map<String, Object> json = new LinkedHashMap<>(head);
		json.put("asOf", OffsetDateTime.ofInstant(report.scope().now(), zone).withNano(0).toString());
		for (Section section : Section.of(report.scope())) {
			Map<String, Object> group = new LinkedHashMap<>();
			section.measures().forEach(measure -> group.put(measure.field(), value(report.totals().get(measure))));
			json.put(section.field(), group);
		}
		report.tables()
			.forEach((breakdown, rows) -> json.put(breakdown.field(), rows(breakdown, rows, report.scope())));
		return json;
	}

	private static List<Map<String, Object>> rows(Breakdown breakdown, List<Counting.Row> rows, Scope scope) {
		return rows.stream().map(row -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put(breakdown.idField(), row.key());
			if (breakdown.isNamed()) {
				json.put((breakdown.dimension() == Dimension.GUIDE) ? "title" : "name", row.name());
			}
			breakdown.columns(scope).forEach(column -> json.put(column.field(), value(row.get(column.measure()))));
			return json;
		}).toList();
	}

	/** Money as everywhere: a string with two decimals; counts as numbers. */
	static Object value(Number number) {
		return (number instanceof BigDecimal decimal) ? decimal.setScale(2).toPlainString() : number;
	}

}
