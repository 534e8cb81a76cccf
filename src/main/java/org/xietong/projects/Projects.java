package org.xietong.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.LedProjects;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.ProjectType;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;
import org.xietong.shared.PageResult;
import org.xietong.shared.SqlWhere;

/**
 * Opens projects at publication and reads them as each role may see them: the public and
 * the department every project (the approval list is public), a teacher those it leads, a
 * university its teachers', an enterprise those of its guides. A project outside the
 * caller's view is not found.
 */
@Service
public class Projects implements LedProjects {

	/** The most rows an export or a list walk reads. */
	public static final int MAX_EXPORT_ROWS = 100_000;

	private static final String COLUMNS = """
			id, project_number, batch_id, number_sequence, application_id, application_number, guide_id, guide_title,
			enterprise_id, enterprise_name, university_id, university_name, leader_id, leader_name, title, project_type,
			cash, hardware_software, key_project, status, approved_at, updated_at, version, ends_on""";

	private static final String INSERT = "INSERT INTO projects (" + COLUMNS
			+ ", number_prefix, search_text, agreement_due_on) VALUES (:id, :number, :batch, :sequence,"
			+ " :application, :applicationNumber, :guide, :guideTitle, :enterprise, :enterpriseName, :university,"
			+ " :universityName, :leader, :leaderName, :title, :type, :cash, :hardware, :key, 'APPROVED', :at, :at,"
			+ " 0, NULL, :prefix, :search, :agreementDue)";

	/** How many rows one JDBC batch inserts, or one statement reads back. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final org.xietong.batches.BatchManagement batches;

	Projects(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions, org.xietong.batches.BatchManagement batches) {
		this.batch = batch;
		this.batches = batches;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Opens the projects, in the caller's transaction (publication numbers and opens them
	 * together, or neither), each audited. A number or an application used twice fails
	 * the whole transaction. The rows go in JDBC batches and come back in one read: a
	 * national list is fifteen thousand projects, and a round trip each cost seconds.
	 * Their audit entries go in one bulk append.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<ProjectView> open(List<NewProject> projects) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Map<UUID, java.time.LocalDate> agreementDue = new java.util.HashMap<>();
		List<MapSqlParameterSource> rows = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		for (NewProject project : projects) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			rows.add(new MapSqlParameterSource().addValue("id", id)
				.addValue("number", project.number())
				.addValue("batch", project.batchId())
				.addValue("sequence", project.sequence())
				.addValue("prefix", project.prefix())
				.addValue("agreementDue", agreementDue.computeIfAbsent(project.batchId(), this::agreementDue))
				.addValue("application", project.applicationId())
				.addValue("applicationNumber", project.applicationNumber())
				.addValue("guide", project.guideId())
				.addValue("guideTitle", project.guideTitle())
				.addValue("enterprise", project.enterpriseId())
				.addValue("enterpriseName", project.enterpriseName())
				.addValue("university", project.universityId())
				.addValue("universityName", project.universityName())
				.addValue("leader", project.leaderId())
				.addValue("leaderName", project.leaderName())
				.addValue("title", project.title())
				.addValue("type", project.type().name())
				.addValue("cash", project.cash().amount())
				.addValue("hardware", project.hardwareSoftware().amount())
				.addValue("key", project.key())
				.addValue("at", now)
				.addValue("search",
						String
							.join(" ", project.number(), project.title(), project.leaderName(),
									project.universityName(), project.enterpriseName(), project.guideTitle())
							.toLowerCase(Locale.ROOT)));
		}
		for (int from = 0; from < rows.size(); from += BATCH) {
			this.batch.batchUpdate(INSERT,
					rows.subList(from, Math.min(rows.size(), from + BATCH)).toArray(MapSqlParameterSource[]::new));
		}
		List<AuditEvent> audited = new ArrayList<>();
		for (int i = 0; i < projects.size(); i++) {
			NewProject project = projects.get(i);
			audited.add(AuditEvent.of("PROJECT_OPENED", "Project", ids.get(i))
				.after("number=" + project.number() + ", application=" + project.applicationNumber() + ", key="
						+ project.key() + ", cash=" + project.cash() + ", hardwareSoftware="
						+ project.hardwareSoftware()));
		}
		this.audit.recordAll(audited);
		Map<UUID, ProjectView> opened = new java.util.HashMap<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
				.query(this::view)
				.list()
				.forEach(project -> opened.put(project.id(), project));
		}
		return ids.stream().map(opened::get).toList();
	}

	/** The day the agreement of a project opened now is due, by the batch's rule. */
	private java.time.LocalDate agreementDue(UUID batchId) {
		org.xietong.batches.BatchView batch = this.batches.find(batchId).orElseThrow();
		return java.time.LocalDate.ofInstant(this.clock.instant(), batch.timeZone())
			.plusDays(ProjectRules.of(batch).agreementDueDays());
	}

	/** The scope of what the user may see; the public and the department see all. */
	public static ProjectQuery.Scope scopeOf(CurrentUser user) {
		if (user == null) {
			return new ProjectQuery.Everyone();
		}
		return switch (user.role()) {
			case TEACHER -> new ProjectQuery.Leader(user.id());
			case UNIVERSITY_ADMIN -> new ProjectQuery.University(user.organizationId());
			case ENTERPRISE_CONTACT -> new ProjectQuery.Enterprise(user.organizationId());
			case DEPARTMENT_OFFICER -> new ProjectQuery.Everyone();
			case SYSTEM_ADMIN, AUDIT_ADMIN, EXPERT ->
				throw new AccessDeniedException("projects are not for " + user.role());
		};
	}

	/** One project, when the user may see it. */
	@Transactional(readOnly = true)
	public ProjectView get(UUID id, CurrentUser user) {
		ProjectQuery.Scope scope = scopeOf(user);
		return find(id).filter(project -> visible(project, scope))
			.orElseThrow(() -> DomainException.notFound("project"));
	}

	/** One project, whoever asks: the caller has checked the reader. */
	@Transactional(readOnly = true)
	public Optional<ProjectView> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
			.param("id", id)
			.query(this::view)
			.optional();
	}

	/** The project with this number, as anyone may verify it. */
	@Transactional(readOnly = true)
	public Optional<ProjectView> byNumber(String number) {
		if (number == null || number.isBlank() || number.length() > 40) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE project_number = :number")
			.param("number", number.strip().toUpperCase(Locale.ROOT))
			.query(this::view)
			.optional();
	}

	/** The project an application became, if it did. */
	@Transactional(readOnly = true)
	public Optional<ProjectView> byApplication(UUID applicationId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE application_id = :application")
			.param("application", applicationId)
			.query(this::view)
			.optional();
	}

	/**
	 * Reserves the next {@code count} numbers under {@code prefix} and answers the first:
	 * under the prefix's row lock, in the caller's transaction, so a publication that
	 * fails gives its numbers back and two publications under one prefix take turns.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int reserveNumbers(String prefix, int count) {
		if (bumpPrefix(prefix, 0) == 0) {
			try {
				this.newTransaction.executeWithoutResult(status -> this.jdbc
					.sql("INSERT INTO project_number_prefixes (prefix, last_sequence) VALUES (:prefix, 0)")
					.param("prefix", prefix)
					.update());
			}
			catch (DuplicateKeyException madeByAnother) {
				// Another publication made it first: the lock below waits for it.
			}
		}
		bumpPrefix(prefix, count);
		return this.jdbc.sql("SELECT last_sequence FROM project_number_prefixes WHERE prefix = :prefix")
			.param("prefix", prefix)
			.query(Integer.class)
			.single() - count + 1;
	}

	private int bumpPrefix(String prefix, int count) {
		return this.jdbc
			.sql("UPDATE project_number_prefixes SET last_sequence = last_sequence + :count WHERE prefix = :prefix")
			.param("count", count)
			.param("prefix", prefix)
			.update();
	}

	/** How many projects the teacher leads now. */
	@Override
	@Transactional(readOnly = true)
	public long inProgress(UUID teacherId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM projects WHERE leader_id = :leader AND status IN (:statuses)")
			.param("leader", teacherId)
			.param("statuses",
					java.util.Arrays.stream(ProjectStatus.values())
						.filter(ProjectStatus::isInProgress)
						.map(Enum::name)
						.toList())
			.query(Long.class)
			.single();
	}

	/**
	 * How many projects the teacher leads that are past their end date without a
	 * completion request (running, or sent back to rectify).
	 */
	@Override
	@Transactional(readOnly = true)
	public long overdue(UUID teacherId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM projects WHERE leader_id = :leader AND status IN ('IN_PROGRESS', 'RECTIFYING')
				AND ends_on < :today""")
			.param("leader", teacherId)
			.param("today",
					java.time.LocalDate.ofInstant(this.clock.instant(),
							org.xietong.batches.BatchManagement.DEFAULT_TIME_ZONE))
			.query(Long.class)
			.single();
	}

	/**
	 * How many projects each batch has, in a given status or all ({@code null}): which
	 * batches have a published approval (or completion) list.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Long> countsByBatch(ProjectStatus status) {
		Map<UUID, Long> counts = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("SELECT batch_id, COUNT(*) FROM projects" + ((status == null) ? "" : " WHERE status = :status")
					+ " GROUP BY batch_id")
			.params((status == null) ? Map.of() : Map.of("status", status.name()))
			.query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return counts;
	}

	/** One page of the projects a query finds, in number order. */
	@Transactional(readOnly = true)
	public PageResult<ProjectView> search(ProjectQuery query, int page, int size) {
		PageResult.check(page, size);
		SqlWhere where = where(query);
		long total = where.bind(this.jdbc.sql("SELECT COUNT(*) FROM projects WHERE " + where.sql()))
			.query(Long.class)
			.single();
		List<ProjectView> items = where
			.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE " + where.sql()
					+ " ORDER BY number_prefix, number_sequence, id LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::view)
			.list();
		return new PageResult<>(items, page, size, total);
	}

	/** Every project a query finds, in number order, for an export. */
	@Transactional(readOnly = true)
	public void forEach(ProjectQuery query, Consumer<ProjectView> action) {
		SqlWhere where = where(query);
		where
			.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE " + where.sql()
					+ " ORDER BY number_prefix, number_sequence, id LIMIT " + MAX_EXPORT_ROWS))
			.query(this::view)
			.stream()
			.forEach(action);
	}

	static boolean visible(ProjectView project, ProjectQuery.Scope scope) {
		if (scope instanceof ProjectQuery.Leader leader) {
			return project.leaderId().equals(leader.teacherId());
		}
		if (scope instanceof ProjectQuery.University university) {
			return project.universityId().equals(university.universityId());
		}
		if (scope instanceof ProjectQuery.Enterprise enterprise) {
			return project.enterpriseId().equals(enterprise.enterpriseId());
		}
		return true;
	}

	private static SqlWhere where(ProjectQuery query) {
		ProjectQuery.Scope scope = query.scope();
		SqlWhere where = new SqlWhere("1 = 1");
		if (scope instanceof ProjectQuery.Leader leader) {
			where.and("leader_id = :scope", "scope", leader.teacherId());
		}
		else if (scope instanceof ProjectQuery.University university) {
			where.and("university_id = :scope", "scope", university.universityId());
		}
		else if (scope instanceof ProjectQuery.Enterprise enterprise) {
			where.and("enterprise_id = :scope", "scope", enterprise.enterpriseId());
		}
		return where.and("batch_id = :batch", "batch", query.batchId())
			.and("status = :status", "status", (query.status() == null) ? null : query.status().name())
			.and("project_type = :type", "type", (query.type() == null) ? null : query.type().name())
			.and("key_project = :key", "key", query.key())
			.and("university_id = :university", "university", query.universityId())
			.and("enterprise_id = :enterprise", "enterprise", query.enterpriseId())
			.contains("search_text", "text", query.text());
	}

	private ProjectView view(ResultSet rs, int n) throws SQLException {
		ProjectView project = new ProjectView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getInt(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class),
				rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10), rs.getObject(11, UUID.class),
				rs.getString(12), rs.getObject(13, UUID.class), rs.getString(14), rs.getString(15),
				ProjectType.valueOf(rs.getString(16)), Money.of(rs.getBigDecimal(17)), Money.of(rs.getBigDecimal(18)),
				rs.getBoolean(19), ProjectStatus.valueOf(rs.getString(20)), rs.getObject(24, java.time.LocalDate.class),
				rs.getObject(21, OffsetDateTime.class).toInstant(), rs.getObject(22, OffsetDateTime.class).toInstant(),
				rs.getLong(23), false);
		boolean overdue = project.endsOn() != null
				&& (project.status() == ProjectStatus.IN_PROGRESS || project.status() == ProjectStatus.RECTIFYING)
				&& project.endsOn()
					.isBefore(java.time.LocalDate.ofInstant(this.clock.instant(),
							org.xietong.batches.BatchManagement.DEFAULT_TIME_ZONE));
		return overdue ? project.flaggedOverdue() : project;
	}

}
