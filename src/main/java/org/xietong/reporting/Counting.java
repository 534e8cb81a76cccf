package org.xietong.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.PageResult;

/**
 * Counts figures live by SQL: the totals of a scope, the same broken down by a dimension,
 * and the rows behind one figure. One query per kind of row counted; a figure and its
 * list share the same base and condition.
 */
@Component
public class Counting {

	private final JdbcClient jdbc;

	Counting(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The totals {@code totals} and, per dimension, its figures value by value: one pass
	 * over each kind of row, grouped by every dimension at once (GROUPING SETS). Rows
	 * whose figures are all zero are left out; figures of rows that do not know a
	 * dimension (a guide's university) are zero in every row of it.
	 */
	@Transactional(readOnly = true)
	public Result compute(Scope scope, Collection<Measure> totals, Map<Dimension, List<Measure>> breakdowns) {
		Map<Measure, Number> values = new EnumMap<>(Measure.class);
		Map<Dimension, Map<String, Row>> tables = new EnumMap<>(Dimension.class);
		breakdowns.keySet().forEach(dimension -> tables.put(dimension, new LinkedHashMap<>()));
		for (Counted counted : Counted.values()) {
			java.util.Set<Measure> wanted = java.util.EnumSet.noneOf(Measure.class);
			totals.stream().filter(measure -> measure.counted() == counted).forEach(wanted::add);
			List<Dimension> dimensions = new ArrayList<>();
			breakdowns.forEach((dimension, measures) -> {
				List<Measure> own = measures.stream().filter(measure -> measure.counted() == counted).toList();
				if (!own.isEmpty() && dimension.column(counted).isPresent()) {
					dimensions.add(dimension);
					wanted.addAll(own);
				}
			});
			if (wanted.isEmpty()) {
				continue;
			}
			List<Measure> list = List.copyOf(wanted);
			StringBuilder select = new StringBuilder("SELECT ");
			StringBuilder sets = new StringBuilder("()");
			for (Dimension dimension : dimensions) {
				String column = dimension.column(counted).orElseThrow();
				select.append("GROUPING(")
					.append(column)
					.append("), CAST(")
					.append(column)
					.append(" AS VARCHAR), MIN(")
					.append(dimension.nameColumn(counted))
					.append("), ");
				sets.append(", (").append(column).append(')');
			}
			select.append(list.stream().map(Measure::sql).collect(Collectors.joining(", ")));
			String where = " WHERE " + scope.condition(counted) + " GROUP BY GROUPING SETS (" + sets + ")";
			String sql = select + " FROM " + counted.from(select + where) + where;
			int first = dimensions.size() * 3 + 1;
			params(this.jdbc.sql(sql), scope).query(rs -> {
				Dimension grouped = null;
				for (int d = 0; d < dimensions.size(); d++) {
					if (rs.getInt(d * 3 + 1) == 0) {
						grouped = dimensions.get(d);
						String key = rs.getString(d * 3 + 2);
						String name = rs.getString(d * 3 + 3);
						Row row = tables.get(grouped)
							.computeIfAbsent(key, k -> new Row(k, name, new EnumMap<>(Measure.class)));
						for (int i = 0; i < list.size(); i++) {
							if (breakdowns.get(grouped).contains(list.get(i))) {
								row.values().put(list.get(i), value(rs, first + i, list.get(i)));
							}
						}
					}
				}
				if (grouped == null) {
					for (int i = 0; i < list.size(); i++) {
						if (totals.contains(list.get(i))) {
							values.put(list.get(i), value(rs, first + i, list.get(i)));
						}
					}
				}
			});
		}
		Map<Dimension, List<Row>> rows = new EnumMap<>(Dimension.class);
		tables.forEach((dimension, found) -> rows.put(dimension,
				found.values()
					.stream()
					.filter(row -> row.values().values().stream().anyMatch(Counting::isNotZero))
					.map(row -> fill(row, breakdowns.get(dimension)))
					.toList()));
		return new Result(new Figures(values), rows);
	}

	/**
	 * Totals and breakdowns counted together.
	 *
	 * @param totals the totals
	 * @param tables the rows of each dimension
	 */
	public record Result(Figures totals, Map<Dimension, List<Row>> tables) {

	}

	/**
	 * One page of the rows behind {@code measure} in the scope, within one value of
	 * {@code dimension} when given, with the total count and, for an amount, its sum.
	 */
	@Transactional(readOnly = true)
	public Listing list(Scope scope, Measure measure, Dimension dimension, String value, int page, int size) {
		PageResult.check(page, size);
		Listed listed = Listed.of(measure);
		Selection selection = selection(scope, measure, dimension, value);
		long[] total = new long[1];
		BigDecimal[] sum = new BigDecimal[1];
		selection.bind(this.jdbc.sql("SELECT " + listed.countSql() + ", " + listed.sumSql(measure) + selection.from()))
			.query(rs -> {
				total[0] = rs.getLong(1);
				sum[0] = rs.getBigDecimal(2);
			});
		List<Listed.Line> lines = new ArrayList<>();
		selection
			.bind(this.jdbc.sql("SELECT " + listed.columns(measure) + selection.from() + listed.groupBy() + " ORDER BY "
					+ listed.order() + " LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(rs -> {
				lines.add(listed.line(rs));
			});
		return new Listing(measure, listed, new PageResult<>(lines, page, size, total[0]), sum[0]);
	}

	/**
	 * Every row behind {@code measure}, as {@link #list} selects them, handed to
	 * {@code sink} in order.
	 */
	@Transactional(readOnly = true)
	public void each(Scope scope, Measure measure, Dimension dimension, String value,
			java.util.function.Consumer<Listed.Line> sink) {
		Listed listed = Listed.of(measure);
		Selection selection = selection(scope, measure, dimension, value);
		selection.bind(this.jdbc.sql("SELECT " + listed.columns(measure) + selection.from() + listed.groupBy()
				+ " ORDER BY " + listed.order()))
			.query(rs -> {
				sink.accept(listed.line(rs));
			});
	}

	private static Selection selection(Scope scope, Measure measure, Dimension dimension, String value) {
		Counted counted = measure.counted();
		StringBuilder where = new StringBuilder(scope.condition(counted)).append(" AND (")
			.append(measure.condition())
			.append(')');
		Object dimensionValue = null;
		if (dimension != null) {
			String column = dimension.column(counted)
				.orElseThrow(() -> new IllegalArgumentException(dimension + " does not apply to " + counted));
			where.append(" AND ").append(column).append(" = :value");
			dimensionValue = dimension.isId() ? UUID.fromString(value) : value;
		}
		return new Selection(" FROM " + counted.from(where + Listed.of(measure).columns(measure)) + " WHERE " + where,
				scope, dimensionValue);
	}

	/** The rows of a list as SQL, with what binds them. */
	private record Selection(String from, Scope scope, Object value) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			JdbcClient.StatementSpec bound = params(spec, this.scope);
			return (this.value == null) ? bound : bound.param("value", this.value);
		}

	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Scope scope) {
		JdbcClient.StatementSpec result = spec.param("batches", scope.batchIds())
			.param("now", Timestamp.from(scope.now()));
		return (scope.organization() == null) ? result : result.param("organization", scope.organization());
	}

	private static Number value(ResultSet rs, int column, Measure measure) throws SQLException {
		return measure.isMoney() ? rs.getBigDecimal(column).setScale(2) : (Number) rs.getLong(column);
	}

	private static boolean isNotZero(Number number) {
		return (number instanceof BigDecimal decimal) ? decimal.signum() != 0 : number.longValue() != 0;
	}

	/** Zero for the figures a row's dimension left out, so every row has every column. */
	private static Row fill(Row row, Collection<Measure> measures) {
		for (Measure measure : measures) {
			row.values().putIfAbsent(measure, measure.isMoney() ? BigDecimal.ZERO.setScale(2) : 0L);
		}
		return row;
	}

	/** Figures by measure, read as counts or amounts. */
	public interface Valued {

		Map<Measure, Number> values();

		default long count(Measure measure) {
			return values().get(measure).longValue();
		}

		default BigDecimal amount(Measure measure) {
			return (BigDecimal) values().get(measure);
		}

		default Number get(Measure measure) {
			return values().get(measure);
		}

	}

	/** Figures by measure. */
	public record Figures(Map<Measure, Number> values) implements Valued {

	}

	/**
	 * One value of a dimension with its figures.
	 *
	 * @param key the value: an id, a type's code, a direction
	 * @param name what it is called
	 * @param values its figures
	 */
	public record Row(String key, String name, Map<Measure, Number> values) implements Valued {

	}

	/**
	 * A page of the rows behind a figure.
	 *
	 * @param measure the figure listed
	 * @param kind what the rows are and which columns they have
	 * @param page the rows
	 * @param sum the total amount of a summing figure's rows ({@code null} when none), or
	 * {@code null} for a count
	 */
	public record Listing(Measure measure, Listed kind, PageResult<Listed.Line> page, BigDecimal sum) {

		/** Whether the figure sums an amount over the rows rather than counting them. */
		public boolean sums() {
			return this.measure.expression() != null && this.kind != Listed.ENTERPRISES;
		}

		/**
		 * What the list adds up to, as the figure: the sum of a summing figure, else the
		 * count.
		 */
		public Number figure() {
			if (!sums()) {
				return this.page.total();
			}
			BigDecimal amount = (this.sum != null) ? this.sum : BigDecimal.ZERO;
			return this.measure.isMoney() ? amount.setScale(2) : (Number) amount.longValueExact();
		}

	}

}
