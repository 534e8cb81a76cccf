package org.xietong.guides;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;
import org.xietong.shared.PageResult;

/**
 * Reads guides: one by id, pages of the catalogue with its filters, the whole filtered
 * list for exports, and whether a guide may receive applications. Plain SQL on the guide
 * rows alone (the enterprise's name is copied onto them), each query led by the status
 * and batch that the catalogue's indexes begin with.
 */
@Service
public class GuideCatalogue {

	/** The most rows one export writes. */
	public static final int MAX_EXPORT_ROWS = 100_000;

	private static final String COLUMNS = """
			id, batch_id, enterprise_id, enterprise_name, project_type, title, direction, industry, description,
			requirements, projects_offered, cash_per_project, hardware_software_per_project, contact_name,
			contact_phone, contact_email, status, return_reason, revoke_reason, created_at, updated_at, submitted_at,
			reviewed_at, published_at, version""";

	private static final RowMapper<GuideView> ROW = GuideCatalogue::row;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final GramFrequencies grams;

	/**
	 * How many published guides a public filter finds, remembered for a few seconds: the
	 * published set changes only when a notice closes or an objection is upheld, while
	 * every page of the catalogue would otherwise count all its matches again.
	 */
	private final ShortLivedCounts publishedCounts = new ShortLivedCounts(java.time.Duration.ofSeconds(10), 10_000);

	GuideCatalogue(JdbcClient jdbc, DataSource dataSource, GramFrequencies grams) {
		this.jdbc = jdbc;
		this.grams = grams;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(template);
	}

	/** A guide in any status; callers decide who may see it. */
	@Transactional(readOnly = true)
	public Optional<GuideView> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM guides WHERE id = :id").param("id", id).query(ROW).optional();
	}

	/** The guides with these ids, in any status, by id: one statement per thousand. */
	@Transactional(readOnly = true)
	public Map<UUID, GuideView> findAll(java.util.Collection<UUID> ids) {
		List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
		Map<UUID, GuideView> found = new HashMap<>();
		for (int from = 0; from < all.size(); from += 1000) {
			this.jdbc.sql("SELECT " + COLUMNS + " FROM guides WHERE id IN (:ids)")
				.param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
				.query(ROW)
				.list()
				.forEach(guide -> found.put(guide.id(), guide));
		}
		return found;
	}

	/**
	 * Whether teachers may apply to the guide: only a published guide may; a revoked or
	 * withdrawn one never again.
	 */
	@Transactional(readOnly = true)
	public boolean isOpenForApplications(UUID guideId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM guides WHERE id = :id AND status = 'PUBLISHED'")
			.param("id", guideId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether any guide exists at all. */
	@Transactional(readOnly = true)
	public boolean hasAnyGuide() {
		return !this.jdbc.sql("SELECT id FROM guides FETCH FIRST 1 ROWS ONLY").query(UUID.class).list().isEmpty();
	}

	/** One page of the guides a query finds, in its order. */
	@Transactional(readOnly = true)
	public PageResult<GuideView> search(GuideQuery query, int page, int size) {
		return page(query, page, size, null).asPageResult();
	}

	/**
	 * One page of the guides a query finds, in its order: the rows after the cursor
	 * {@code after} when one is given (keyset: as fast on the thousandth page as on the
	 * first), else page {@code page}. The answer's {@code next} names the following
	 * page's position, or is null on the last page.
	 */
	@Transactional(readOnly = true)
	public CataloguePage page(GuideQuery query, int page, int size, String after) {
		PageResult.check(page, size);
		CatalogueCursor cursor = (after == null || after.isBlank()) ? null
				: CatalogueCursor.read(after.strip(), query.sort());
		boolean wide = query.text() != null && this.grams.isWide(CatalogueWhere.lower(query.text()));
		CatalogueWhere where = CatalogueWhere.of(query, !wide);
		long total = (query.scope() == GuideQuery.Scope.PUBLISHED)
				? this.publishedCounts.get(where.sql() + where.params(), () -> count(where)) : count(where);
		String order = orderBy(query.sort());
		JdbcClient.StatementSpec statement;
		if (cursor != null) {
			statement = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM guides" + where.sql() + " AND " + cursor.condition() + order
						+ " LIMIT :limit")
				.params(cursor.params());
		}
		else if (page == 0) {
			statement = this.jdbc.sql("SELECT " + COLUMNS + " FROM guides" + where.sql() + order + " LIMIT :limit");
		}
		else {
			// Deep pages skip their offset on the order's index alone (index-only) and
			// read just the page's rows.
			statement = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM guides WHERE id IN (SELECT id FROM guides" + where.sql() + order
						+ " LIMIT :limit OFFSET :offset)" + order)
				.param("offset", (long) page * size);
		}
		List<GuideView> rows = statement.params(where.params()).param("limit", size + 1).query(ROW).list();
		String next = (rows.size() > size) ? CatalogueCursor.after(rows.get(size - 1), query.sort()) : null;
		return new CataloguePage(List.copyOf(rows.subList(0, Math.min(size, rows.size()))), page, size, total, next);
	}

	private long count(CatalogueWhere where) {
		return this.jdbc.sql("SELECT COUNT(*) FROM guides" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/**
	 * The published set changed here: this instance counts afresh at once (others within
	 * seconds).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(GuidePublished event) {
		this.publishedCounts.clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(GuideRevoked event) {
		this.publishedCounts.clear();
	}

	/**
	 * Every guide a query finds, in its order, streamed from the database rather than
	 * held in memory; at most {@value #MAX_EXPORT_ROWS}.
	 */
	@Transactional(readOnly = true)
	public void forEach(GuideQuery query, Consumer<GuideView> action) {
		boolean wide = query.text() != null && this.grams.isWide(CatalogueWhere.lower(query.text()));
		CatalogueWhere where = CatalogueWhere.of(query, !wide);
		Map<String, Object> params = new HashMap<>(where.params());
		params.put("limit", MAX_EXPORT_ROWS);
		this.streaming.query(
				"SELECT " + COLUMNS + " FROM guides" + where.sql() + orderBy(query.sort()) + " LIMIT :limit", params,
				rs -> {
					action.accept(row(rs, 0));
				});
	}

	private static String orderBy(GuideSort sort) {
		return switch (sort) {
			case NEWEST -> " ORDER BY created_at DESC, id DESC";
			case CASH -> " ORDER BY cash_per_project DESC, created_at DESC, id DESC";
			case TITLE -> " ORDER BY title, id";
		};
	}

	private static GuideView row(ResultSet rs, int n) throws SQLException {
		int projects = rs.getInt("projects_offered");
		Money cash = Money.of(rs.getBigDecimal("cash_per_project"));
		return new GuideView(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
				rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
				ProjectType.valueOf(rs.getString("project_type")), rs.getString("title"), rs.getString("direction"),
				rs.getString("industry"), rs.getString("description"), rs.getString("requirements"), projects, cash,
				Money.of(rs.getBigDecimal("hardware_software_per_project")),
				EnterpriseCashMinimum.cashOf(projects, cash),
				new GuideDetails.Contact(rs.getString("contact_name"), rs.getString("contact_phone"),
						rs.getString("contact_email")),
				GuideStatus.valueOf(rs.getString("status")), rs.getString("return_reason"),
				rs.getString("revoke_reason"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "submitted_at"), instant(rs, "reviewed_at"), instant(rs, "published_at"),
				rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

}
