package org.xietong.guides;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How common each of the catalogue's search grams is, read from PostgreSQL's own
 * statistics of {@code guides.search_grams} and remembered for a few minutes. The text
 * search asks the gram index only when a query's rarest gram is rare: the planner
 * multiplies the gram and LIKE selectivities as if they were independent (they are not:
 * every match holds the grams), and so would read thousands of rows through the index
 * where walking the order's index and stopping at the page is cheaper.
 */
@Component
class GramFrequencies {

	/** A gram in at least this share of guides is too common for the index to help. */
	static final double WIDE = 0.02;

	/** The positions of a query that give its grams, as guide_query_grams in SQL. */
	static final int QUERY_POSITIONS = 64;

	private static final long LIFETIME_NANOS = Duration.ofMinutes(5).toNanos();

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	GramFrequencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether every gram of the (lower-cased) query is common, so that the index would
	 * find a large share of the catalogue.
	 */
	boolean isWide(String query) {
		Map<String, Double> frequencies = current().frequencies();
		double rarest = Double.MAX_VALUE;
		for (String gram : grams(query)) {
			rarest = Math.min(rarest, frequencies.getOrDefault(gram, 0.0));
		}
		return rarest >= WIDE;
	}

	/**
	 * A query's grams: its only character, or its distinct bigrams (by code point) from
	 * the first {@value #QUERY_POSITIONS} positions.
	 */
	static Set<String> grams(String query) {
		int[] points = query.codePoints().toArray();
		Set<String> grams = new LinkedHashSet<>();
		if (points.length < 2) {
			grams.add(query);
			return grams;
		}
		for (int i = 0; i < Math.min(points.length - 1, QUERY_POSITIONS); i++) {
			grams.add(new String(points, i, 2));
		}
		return grams;
	}

	private Snapshot current() {
		Snapshot known = this.snapshot;
		long now = System.nanoTime();
		if (known == null || now - known.readAt() > LIFETIME_NANOS) {
			known = new Snapshot(read(), now);
			this.snapshot = known;
		}
		return known;
	}

	private Map<String, Double> read() {
		Map<String, Double> frequencies = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT e.gram, e.frequency
					FROM pg_stats s,
					  unnest(CAST(CAST(s.most_common_elems AS TEXT) AS TEXT[]), s.most_common_elem_freqs) AS e (gram, frequency)
					WHERE s.schemaname = current_schema() AND s.tablename = 'guides' AND s.attname = 'search_grams'
					  AND e.gram IS NOT NULL""")
			.query(rs -> {
				frequencies.put(rs.getString("gram"), rs.getDouble("frequency"));
			});
		return frequencies;
	}

	private record Snapshot(Map<String, Double> frequencies, long readAt) {
	}

}
