package bench;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue's query with nothing around it: no security, no validation, no modules, a
 * plain JSON page. Xietong's catalogue is measured against it.
 */
@SpringBootApplication
@RestController
public class Baseline {

	private static final String COLUMNS = "id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, "
			+ "industry, description, requirements, projects_offered, cash_per_project, hardware_software_per_project, "
			+ "contact_name, contact_phone, contact_email, status, created_at, published_at, version";

	private final JdbcClient jdbc;

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
		StringBuilder where = new StringBuilder(" WHERE status = 'PUBLISHED'");
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
			where.append(" AND search_text LIKE :text ESCAPE '\\'");
			params.put("text", "%" + q.toLowerCase() + "%");
		}
		String order = switch (sort) {
			case "cash" -> " ORDER BY cash_per_project DESC, created_at DESC, id DESC";
			case "title" -> " ORDER BY title, id";
			default -> " ORDER BY created_at DESC, id DESC";
		};
		long total = this.jdbc.sql("SELECT COUNT(*) FROM guides" + where).params(params).query(Long.class).single();
		List<Map<String, Object>> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM guides" + where + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query()
			.listOfRows();
		return Map.of("items", items, "page", page, "size", size, "total", total);
	}

}
