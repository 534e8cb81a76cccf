package org.xietong.applications;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.files.StoredFile;
import org.xietong.files.StoredFiles;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;
import org.xietong.shared.PageResult;
import org.xietong.shared.SqlWhere;

/**
 * Reads applications as each role may see them: a teacher its own, a university its
 * teachers' once submitted, an enterprise the endorsed ones to its guides, the department
 * every submitted one. An application outside the caller's view is not found.
 */
@Service
public class ApplicationQueries {

	private static final String SUMMARY_COLUMNS = """
			id, application_number, batch_id, guide_id, guide_title, enterprise_id, enterprise_name, project_type,
			leader_id, leader_name, university_id, university_name, title, budget_total, status, created_at,
			updated_at, submitted_at, endorsed_at, version""";

	private final JdbcClient jdbc;

	private final Applications applications;

	private final StoredFiles files;

	private final ObjectProvider<LedProjects> ledProjects;

	ApplicationQueries(JdbcClient jdbc, Applications applications, StoredFiles files,
			ObjectProvider<LedProjects> ledProjects) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.files = files;
		this.ledProjects = ledProjects;
	}

	/**
	 * The scope of what the user may see; roles that never see applications are refused.
	 */
	public static ApplicationQuery.Scope scopeOf(CurrentUser user) {
		if (user == null) {
			throw new AccessDeniedException("sign in");
		}
		return switch (user.role()) {
			case TEACHER -> new ApplicationQuery.Leader(user.id());
			case UNIVERSITY_ADMIN -> new ApplicationQuery.University(user.organizationId());
			case ENTERPRISE_CONTACT -> new ApplicationQuery.Enterprise(user.organizationId());
			case DEPARTMENT_OFFICER -> new ApplicationQuery.Department();
			case SYSTEM_ADMIN, AUDIT_ADMIN, EXPERT ->
				throw new AccessDeniedException("applications are not for " + user.role());
		};
	}

	/** One application, when the user may see it. */
	@Transactional(readOnly = true)
	public ApplicationView get(UUID id, CurrentUser user) {
		ApplicationQuery.Scope scope = scopeOf(user);
		return this.applications.findById(id)
			.filter(application -> visible(application, scope))
			.map(application -> application.view(attachments(id)))
			.orElseThrow(() -> DomainException.notFound("application"));
	}

	/**
	 * An application for its review, whoever reads it: the caller (the reviews module)
	 * has checked that the reader is assigned to it or owns its guide.
	 */
	@Transactional(readOnly = true)
	public Optional<ApplicationView> forReview(UUID id) {
		return this.applications.findById(id)
			.filter(application -> application.status().isEndorsed())
			.map(application -> application.view(attachments(id)));
	}

	/** An attachment's file for a review: the caller has checked the reader. */
	@Transactional(readOnly = true)
	public Download attachmentForReview(UUID applicationId, UUID attachmentId) {
		UUID fileId = this.jdbc
			.sql("SELECT file_id FROM application_attachments WHERE id = :id AND application_id = :application")
			.param("id", attachmentId)
			.param("application", applicationId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("attachment"));
		StoredFile file = this.files.find(fileId).orElseThrow(() -> DomainException.notFound("attachment"));
		return new Download(file, this.files.open(file));
	}

	/** Whether the scope sees the application. */
	static boolean visible(Application application, ApplicationQuery.Scope scope) {
		if (scope instanceof ApplicationQuery.Leader leader) {
			return application.leaderId().equals(leader.teacherId());
		}
		if (scope instanceof ApplicationQuery.University university) {
			return application.universityId().equals(university.universityId()) && application.submissionCount() > 0;
		}
		if (scope instanceof ApplicationQuery.Enterprise enterprise) {
			return application.enterpriseId().equals(enterprise.enterpriseId()) && application.status().isEndorsed();
		}
		return application.submissionCount() > 0;
	}

	/** One page of the applications a query finds, newest submission first. */
	@Transactional(readOnly = true)
	public PageResult<ApplicationSummary> search(ApplicationQuery query, int page, int size) {
		PageResult.check(page, size);
		SqlWhere where = where(query);
		long total = where.bind(this.jdbc.sql("SELECT COUNT(*) FROM applications WHERE " + where.sql()))
			.query(Long.class)
			.single();
		List<ApplicationSummary> items = where
			.bind(this.jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM applications WHERE " + where.sql()
					+ " ORDER BY COALESCE(submitted_at, updated_at) DESC, id LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ApplicationQueries::summary)
			.list();
		return new PageResult<>(items, page, size, total);
	}

	/** Every application a query finds, for an export (at most 100,000). */
	@Transactional(readOnly = true)
	public void forEach(ApplicationQuery query, Consumer<ApplicationSummary> action) {
		SqlWhere where = where(query);
		where
			.bind(this.jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM applications WHERE " + where.sql()
					+ " ORDER BY COALESCE(submitted_at, updated_at) DESC, id LIMIT 100000"))
			.query(ApplicationQueries::summary)
			.stream()
			.forEach(action);
	}

	/** The attachments of an application, oldest first. */
	@Transactional(readOnly = true)
	public List<AttachmentView> attachments(UUID applicationId) {
		return this.jdbc.sql("""
				SELECT id, kind, original_name, size_bytes, media_type, sha256, created_at FROM application_attachments
				WHERE application_id = :id ORDER BY created_at, id""")
			.param("id", applicationId)
			.query((rs, n) -> new AttachmentView(rs.getObject(1, UUID.class), AttachmentKind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), instant(rs, 7)))
			.list();
	}

	/** An attachment's file, when the user may see its application. */
	@Transactional(readOnly = true)
	public Download attachment(UUID applicationId, UUID attachmentId, CurrentUser user) {
		get(applicationId, user);
		UUID fileId = this.jdbc
			.sql("SELECT file_id FROM application_attachments WHERE id = :id AND application_id = :application")
			.param("id", attachmentId)
			.param("application", applicationId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("attachment"));
		StoredFile file = this.files.find(fileId).orElseThrow(() -> DomainException.notFound("attachment"));
		return new Download(file, this.files.open(file));
	}

	/** An attachment to send: the file and its bytes; the caller closes the stream. */
	public record Download(StoredFile file, InputStream content) {

		/** The response that sends it as a download under its uploaded name. */
		public org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> response() {
			return org.xietong.files.FileDownloads.attachment(this.file, this.content);
		}

	}

	/** The teacher's application to the guide that is not withdrawn, if any. */
	Optional<UUID> activeApplicationTo(UUID guideId, UUID teacherId) {
		return this.jdbc.sql("""
				SELECT id FROM applications WHERE guide_id = :guide AND leader_id = :leader AND status <> 'WITHDRAWN'
				FETCH FIRST 1 ROWS ONLY""")
			.param("guide", guideId)
			.param("leader", teacherId)
			.query(UUID.class)
			.optional();
	}

	/** How many applications the teacher has filed in batches of the year. */
	@Transactional(readOnly = true)
	public long countedThisYear(UUID teacherId, int year) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM applications WHERE leader_id = :leader AND batch_year = :year
				AND status IN (:statuses)""")
			.param("leader", teacherId)
			.param("year", year)
			.param("statuses", ApplicationStatus.countingTowardYearlyLimit())
			.query(Long.class)
			.single();
	}

	/**
	 * How many projects the teacher leads now, as the projects module counts them (none
	 * when no module owns projects).
	 */
	@Transactional(readOnly = true)
	public long projectsInProgress(UUID teacherId) {
		LedProjects projects = this.ledProjects.getIfAvailable();
		return (projects != null) ? projects.inProgress(teacherId) : 0;
	}

	/**
	 * How many projects the teacher leads past their end date without completion, as the
	 * projects module counts them (none when no module owns projects).
	 */
	@Transactional(readOnly = true)
	public long overdueProjects(UUID teacherId) {
		LedProjects projects = this.ledProjects.getIfAvailable();
		return (projects != null) ? projects.overdue(teacherId) : 0;
	}

	/** The university's endorsements to one enterprise in the batch. */
	EndorsementUsage endorsementUsage(UUID universityId, BatchView batch, UUID enterpriseId) {
		return usage(universityId, batch, enterpriseId).stream()
			.findFirst()
			.orElse(new EndorsementUsage(enterpriseId, "", 0, batch.rules().maxEndorsementsPerEnterprise(),
					new EnumMap<>(ProjectType.class), batch.rules().maxEndorsementsPerEnterpriseAndType(), 0));
	}

	/**
	 * The university's endorsements in the batch, per enterprise it has applications to.
	 */
	List<EndorsementUsage> endorsementUsage(UUID universityId, BatchView batch) {
		return usage(universityId, batch, null);
	}

	private List<EndorsementUsage> usage(UUID universityId, BatchView batch, UUID enterpriseId) {
		record Row(UUID enterpriseId, String enterpriseName, ProjectType type, String status, long count) {
		}
		List<Row> rows = this.jdbc
			.sql("""
					SELECT enterprise_id, enterprise_name, project_type, status, COUNT(*) FROM applications
					WHERE university_id = :university AND batch_id = :batch AND submission_count > 0"""
					+ ((enterpriseId != null) ? " AND enterprise_id = :enterprise" : "") + """

							GROUP BY enterprise_id, enterprise_name, project_type, status ORDER BY enterprise_name""")
			.param("university", universityId)
			.param("batch", batch.id())
			.params((enterpriseId != null) ? Map.of("enterprise", enterpriseId) : Map.of())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
					ProjectType.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5)))
			.list();
		Map<UUID, List<Row>> byEnterprise = new LinkedHashMap<>();
		rows.forEach(row -> byEnterprise.computeIfAbsent(row.enterpriseId(), key -> new ArrayList<>()).add(row));
		List<EndorsementUsage> usage = new ArrayList<>();
		byEnterprise.forEach((id, list) -> {
			Map<ProjectType, Long> byType = new EnumMap<>(ProjectType.class);
			long used = 0;
			long waiting = 0;
			for (Row row : list) {
				ApplicationStatus status = ApplicationStatus.valueOf(row.status());
				if (status.isEndorsed()) {
					used += row.count();
					byType.merge(row.type(), row.count(), Long::sum);
				}
				else if (status == ApplicationStatus.SUBMITTED) {
					waiting += row.count();
				}
			}
			usage.add(new EndorsementUsage(id, list.get(0).enterpriseName(), used,
					batch.rules().maxEndorsementsPerEnterprise(), byType,
					batch.rules().maxEndorsementsPerEnterpriseAndType(), waiting));
		});
		return usage;
	}

	private static SqlWhere where(ApplicationQuery query) {
		ApplicationQuery.Scope scope = query.scope();
		SqlWhere where;
		if (scope instanceof ApplicationQuery.Leader leader) {
			where = new SqlWhere("leader_id = :scope").with("scope", leader.teacherId());
		}
		else if (scope instanceof ApplicationQuery.University university) {
			where = new SqlWhere("university_id = :scope AND submission_count > 0").with("scope",
					university.universityId());
		}
		else if (scope instanceof ApplicationQuery.Enterprise enterprise) {
			where = new SqlWhere("enterprise_id = :scope AND status IN (:endorsed)")
				.with("scope", enterprise.enterpriseId())
				.with("endorsed", ApplicationStatus.endorsed());
		}
		else {
			where = new SqlWhere("submission_count > 0");
		}
		return where.and("batch_id = :batch", "batch", query.batchId())
			.and("guide_id = :guide", "guide", query.guideId())
			.and("status = :status", "status", (query.status() == null) ? null : query.status().name())
			.and("project_type = :type", "type", (query.type() == null) ? null : query.type().name())
			.and("enterprise_id = :enterprise", "enterprise", query.enterpriseId())
			.contains("search_text", "text", query.text());
	}

	private static ApplicationSummary summary(ResultSet rs, int n) throws SQLException {
		return new ApplicationSummary(rs.getObject("id", UUID.class), rs.getString("application_number"),
				rs.getObject("batch_id", UUID.class), rs.getObject("guide_id", UUID.class), rs.getString("guide_title"),
				rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
				ProjectType.valueOf(rs.getString("project_type")), rs.getObject("leader_id", UUID.class),
				rs.getString("leader_name"), rs.getObject("university_id", UUID.class), rs.getString("university_name"),
				rs.getString("title"), Money.of(rs.getBigDecimal("budget_total")),
				ApplicationStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "submitted_at"), instant(rs, "endorsed_at"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

}
