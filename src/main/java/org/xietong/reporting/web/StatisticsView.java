package org.xietong.reporting.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.web.util.UriComponentsBuilder;
import org.xietong.reporting.Breakdown;
import org.xietong.reporting.Counting;
import org.xietong.reporting.Dimension;
import org.xietong.reporting.Measure;
import org.xietong.reporting.Section;
import org.xietong.reporting.Statistics;

import tools.jackson.databind.json.JsonMapper;

/**
 * A report as a statistics page shows it: every figure with the link to the list it
 * counts, the breakdowns as tables, and the charts' data.
 *
 * @param batch the batch shown
 * @param organization the university or enterprise shown, or {@code null} for the
 * department's view of the batch
 * @param sections the totals, section by section
 * @param tables the breakdowns
 * @param charts each chart's data as JSON, by name
 */
public record StatisticsView(Statistics.BatchRef batch, UUID organization, List<SectionView> sections,
		List<TableView> tables, Map<String, String> charts) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The columns a breakdown's chart compares: the applications' way from filed to
	 * approved.
	 */
	private static final java.util.Set<String> CHARTED = java.util.Set.of("submitted", "received", "endorsed",
			"selected", "approved");

	/**
	 * The report as a page shows it: each breakdown's rows (or only {@code table}'s) from
	 * row {@code from} on, {@code size} of them, in their order; the charts only for the
	 * whole page ({@code table} {@code null}).
	 */
	static StatisticsView of(Statistics.Report report, Statistics.BatchRef batch, UUID organization,
			Function<String, String> label, String table, int from, int size) {
		List<SectionView> sections = new ArrayList<>();
		for (Section section : Section.of(report.scope())) {
			sections.add(new SectionView(section.field(),
					section.measures()
						.stream()
						.map(measure -> new Cell(measure.key(), display(report.totals().get(measure)),
								link(batch.id(), organization, measure, null, null)))
						.toList()));
		}
		List<TableView> tables = new ArrayList<>();
		report.tables().forEach((breakdown, rows) -> {
			if (table != null && !breakdown.field().equals(table)) {
				return;
			}
			List<Breakdown.Column> columns = breakdown.columns(report.scope());
			// Only the rows shown become cells and links: a national table has thousands.
			List<RowView> rowViews = rows.stream()
				.sorted((a, b) -> compare(a, b, columns.get(0).measure()))
				.skip(from)
				.limit(size)
				.map(row -> new RowView(rowName(breakdown, row, label), rowLink(breakdown, row, batch.id()),
						columns.stream()
							.map(column -> new Cell(column.measure().key(), display(row.get(column.measure())),
									link(batch.id(), organization, column.measure(), breakdown.dimension(), row.key())))
							.toList()))
				.toList();
			List<Cell> totals = columns.stream()
				.map(column -> new Cell(column.measure().key(), display(sum(rows, column.measure())),
						link(batch.id(), organization, column.measure(), null, null)))
				.toList();
			tables.add(new TableView(breakdown.field(), breakdown.dimension().key(),
					columns.stream().map(column -> "statistics.field." + column.field()).toList(), rowViews, totals,
					tableLink(batch.id(), organization, breakdown), rows.size()));
		});
		return new StatisticsView(batch, organization, sections, tables,
				(table == null) ? charts(report, label) : Map.of());
	}

	/** The row's label: a type by its name, an organisation or person by theirs. */
	private static String rowName(Breakdown breakdown, Counting.Row row, Function<String, String> label) {
		return (breakdown.dimension() == Dimension.TYPE) ? label.apply("projectType." + row.key()) : row.name();
	}

	/** A university's or enterprise's row leads to its own statistics. */
	private static String rowLink(Breakdown breakdown, Counting.Row row, UUID batchId) {
		return switch (breakdown.dimension()) {
			case UNIVERSITY -> "/university/statistics?batchId=" + batchId + "&universityId=" + row.key();
			case ENTERPRISE -> "/enterprise/statistics?batchId=" + batchId + "&enterpriseId=" + row.key();
			case GUIDE -> "/guides/" + row.key();
			default -> null;
		};
	}

	private static int compare(Counting.Row a, Counting.Row b, Measure first) {
		int byFirst = new BigDecimal(b.get(first).toString()).compareTo(new BigDecimal(a.get(first).toString()));
		return (byFirst != 0) ? byFirst : String.valueOf(a.name()).compareTo(String.valueOf(b.name()));
	}

	static Number sum(List<Counting.Row> rows, Measure measure) {
		if (measure.isMoney()) {
			return rows.stream().map(row -> row.amount(measure)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		}
		return rows.stream().mapToLong(row -> row.count(measure)).sum();
	}

	/** The whole of a breakdown, paged. */
	static String tableLink(UUID batchId, UUID organization, Breakdown breakdown) {
		return "/statistics/table?batchId=" + batchId + "&table=" + breakdown.field()
				+ ((organization == null) ? "" : "&org=" + organization);
	}

	/** The list a figure counts, in the same scope. */
	public static String link(UUID batchId, UUID organization, Measure measure, Dimension dimension, String value) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/statistics/list")
			.queryParam("batchId", batchId)
			.queryParam("measure", measure.key());
		if (organization != null) {
			uri.queryParam("org", organization);
		}
		if (dimension != null) {
			uri.queryParam("by", dimension.key()).queryParam("value", value);
		}
		return uri.encode().build().toUriString();
	}

	/**
	 * A figure as shown: counts plain, money with thousands separators and two decimals.
	 */
	public static String display(Number number) {
		if (number instanceof BigDecimal decimal) {
			return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(decimal);
		}
		return number.toString();
	}

	private static Map<String, String> charts(Statistics.Report report, Function<String, String> label) {
		Map<String, String> charts = new LinkedHashMap<>();
		List<Measure> funnel = List.of(Measure.SUBMITTED, Measure.ENDORSED, Measure.REVIEWED, Measure.SELECTED,
				Measure.RECOMMENDED, Measure.APPROVED, Measure.KEY);
		charts.put("funnel",
				chart("funnel", funnel.stream().map(m -> label.apply("statistics.measure." + m.key())).toList(),
						List.of(series(label.apply("statistics.chart.applications"),
								funnel.stream().map(m -> (Object) report.totals().get(m)).toList()))));
		List<Measure> funds = List.of(Measure.CASH_APPROVED, Measure.CASH_AGREED, Measure.CASH_PAID,
				Measure.CASH_CONFIRMED);
		charts.put("funds",
				chart("bar", funds.stream().map(m -> label.apply("statistics.measure." + m.key())).toList(),
						List.of(series(label.apply("statistics.chart.yuan"),
								funds.stream().map(m -> (Object) report.totals().get(m)).toList()))));
		report.tables().forEach((breakdown, rows) -> {
			if (breakdown == Breakdown.BY_DIRECTION || breakdown == Breakdown.BY_INDUSTRY) {
				return;
			}
			List<Breakdown.Column> columns = breakdown.columns(report.scope())
				.stream()
				.filter(column -> CHARTED.contains(column.field()))
				.toList();
			List<Counting.Row> top = rows.stream()
				.sorted((a, b) -> compare(a, b, columns.get(0).measure()))
				.limit(12)
				.toList();
			charts.put(breakdown.field(),
					chart("bar", top.stream().map(row -> rowName(breakdown, row, label)).toList(),
							columns.stream()
								.map(column -> series(label.apply("statistics.field." + column.field()),
										top.stream().map(row -> (Object) row.get(column.measure())).toList()))
								.toList()));
		});
		return charts;
	}

	private static Map<String, Object> series(String name, List<Object> values) {
		return Map.of("name", name, "values", values);
	}

	private static String chart(String kind, List<String> labels, List<Map<String, Object>> series) {
		return JSON.writeValueAsString(Map.of("kind", kind, "labels", labels, "series", series));
	}

	/**
	 * A section of totals.
	 *
	 * @param field its name, e.g. {@code applications}
	 * @param cells its figures
	 */
	public record SectionView(String field, List<Cell> cells) {

	}

	/**
	 * A figure.
	 *
	 * @param key the measure's key (its label is {@code statistics.measure.<key>})
	 * @param value the figure as shown
	 * @param link the list it counts
	 */
	public record Cell(String key, String value, String link) {

	}

	/**
	 * A row of a breakdown.
	 *
	 * @param name what the row is
	 * @param link its own statistics or page, or {@code null}
	 * @param cells its figures
	 */
	public record RowView(String name, String link, List<Cell> cells) {

	}

	/**
	 * A breakdown as a table.
	 *
	 * @param field its name, e.g. {@code byUniversity}
	 * @param dimension what it breaks down by
	 * @param headers its columns' message keys
	 * @param rows its rows
	 * @param totals its column totals (equal to the section totals)
	 * @param link the page with all its rows
	 * @param count how many rows it has in all
	 */
	public record TableView(String field, String dimension, List<String> headers, List<RowView> rows, List<Cell> totals,
			String link, int count) {

		/** Whether rows beyond these exist. */
		public boolean isCut() {
			return this.rows.size() < this.count;
		}

	}

}
