package bench;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue's query with nothing around it: no security, no validation, no modules, a
 * plain JSON page. Xietong's catalogue is measured against it, so it runs the same SQL
 * (the gram index for a query whose rarest gram is in under 2% of guides, deep pages
 * skipped on the order's index, one row more than the page to tell the last page) and
 * the same caching (public counts for 10 seconds, gram frequencies for 5 minutes).
 */
@SpringBootApplication
@RestController
public class Baseline {

	private static final String COLUMNS = "id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, "
			+ "industry, description, requirements, projects_offered, cash_per_project, hardware_software_per_project, "
			+ "contact_name, contact_phone, contact_email, status, return_reason, revoke_reason, created_at, updated_at, "
			+ "submitted_at, reviewed_at, published_at, version";

	private static final long COUNT_NANOS = 10_000_000_000L;

	private static final long GRAMS_NANOS = 300_000_000_000L;

	private final JdbcClient jdbc;

	private final Map<String, Count> counts = new ConcurrentHashMap<>();

	private volatile Map<String, Double> gramFrequencies;

	private volatile long gramsReadAt;

	Baseline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static void main(String[] args) {
		SpringApplication.run(Baseline.class, args);
	}

	@GetMapping("/baseline/guides")
	Map<String, Object> guides(@RequestParam(required = false) UUID batchId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String industry, @RequestParam(required = false) BigDecimal minCash,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "newest") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1 AND status = 'PUBLISHED'");
		Map<String, Object> params = new HashMap<>();
		if (batchId != null) {
			where.append(" AND batch_id = :batch");
			params.put("batch", batchId);
		}
		if (type != null) {
			where.append(" AND project_type = :type");
			params.put("type", type);
		}
		if (industry != null) {
			where.append(" AND industry = :industry");
			params.put("industry", industry);
		}
		if (minCash != null) {
			where.append(" AND cash_per_project >= :minCash");
			params.put("minCash", minCash);
		}
		if (q != null && !q.isBlank()) {
			String text = q.strip().toLowerCase(Locale.ROOT);
			if (!isWide(text)) {
				where.append(" AND search_grams @> guide_query_grams(:grams)");
				params.put("grams", text);
			}
			where.append(" AND search_text LIKE :text ESCAPE '\\'");
			params.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		String order = switch (sort) {
			case "cash" -> " ORDER BY cash_per_project DESC, created_at DESC, id DESC";
			case "title" -> " ORDER BY title, id";
			default -> " ORDER BY created_at DESC, id DESC";
		};
		long total = count(where.toString(), params);
		JdbcClient.StatementSpec statement = (page == 0)
				? this.jdbc.sql("SELECT " + COLUMNS + " FROM guides" + where + order + " LIMIT :limit")
				: this.jdbc
					.sql("SELECT " + COLUMNS + " FROM guides WHERE id IN (SELECT id FROM guides" + where + order
							+ " LIMIT :limit OFFSET :offset)" + order)
					.param("offset", (long) page * size);
		List<Map<String, Object>> items = statement.params(params).param("limit", size + 1).query().listOfRows();
		boolean more = items.size() > size;
		return Map.of("items", more ? items.subList(0, size) : items, "page", page, "size", size, "total", total,
				"more", more);
	}

	private long count(String where, Map<String, Object> params) {
		String key = where + params;
		long now = System.nanoTime();
		Count known = this.counts.get(key);
		// As Xietong's ShortLivedCounts: one caller counts an aged entry again, the others get the last count.
		if (known != null && (now - known.countedAt() < COUNT_NANOS || !known.recounting().compareAndSet(false, true))) {
			return known.count();
		}
		long fresh = this.jdbc.sql("SELECT COUNT(*) FROM guides" + where).params(params).query(Long.class).single();
		this.counts.put(key, new Count(fresh, now, new AtomicBoolean()));
		return fresh;
	}

	private record Count(long count, long countedAt, AtomicBoolean recounting) {
	}

	private boolean isWide(String text) {
		long now = System.nanoTime();
		if (this.gramFrequencies == null || now - this.gramsReadAt > GRAMS_NANOS) {
			Map<String, Double> read = new HashMap<>();
			this.jdbc.sql("""
					SELECT e.gram, e.frequency FROM pg_stats s,
					  unnest(CAST(CAST(s.most_common_elems AS TEXT) AS TEXT[]), s.most_common_elem_freqs) AS e (gram, frequency)
					WHERE s.schemaname = current_schema() AND s.tablename = 'guides' AND s.attname = 'search_grams'
					  AND e.gram IS NOT NULL""")
				.query(rs -> {
					read.put(rs.getString(1), rs.getDouble(2));
				});
			this.gramFrequencies = read;
			this.gramsReadAt = now;
		}
		int[] points = text.codePoints().toArray();
		double rarest = Double.MAX_VALUE;
		if (points.length < 2) {
			return this.gramFrequencies.getOrDefault(text, 0.0) >= 0.02;
		}
		for (int i = 0; i < Math.min(points.length - 1, 64); i++) {
			rarest = Math.min(rarest, this.gramFrequencies.getOrDefault(new String(points, i, 2), 0.0));
		}
		return rarest >= 0.02;
	}

}
