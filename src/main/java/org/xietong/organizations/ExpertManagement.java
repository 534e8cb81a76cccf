package org.xietong.organizations;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.AccessDeniedException;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserView;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.organizations.ExpertView.DeclaredConflict;
import org.xietong.organizations.ImportReport.RowError;
import org.xietong.organizations.Sheets.SheetRow;
import org.xietong.shared.DomainException;
import org.xietong.shared.SqlWhere;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * The department's pool of experts and each enterprise's own. An expert's affiliation and
 * declared conflicts are what review assignment later reads to keep conflicted experts
 * away.
 */
@Service
public class ExpertManagement {

	static final List<String> COLUMNS = List.of("用户名", "姓名", "工作单位", "单位代码", "专业领域", "电子邮箱", "手机", "初始密码", "回避单位");

	private final UserManagement users;

	private final Organizations organizations;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ExpertManagement(UserManagement users, Organizations organizations, JdbcClient jdbc, AuditTrail audit,
			Clock clock) {
		this.users = users;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds an expert to the pool of {@code ownerId} (the department or an enterprise).
	 */
	@Transactional
	public ExpertView create(UUID ownerId, NewExpert expert) {
		List<FieldViolation> problems = check(ownerId, expert);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return save(ownerId, expert);
	}

	/**
	 * Declares a conflict of the expert with an organisation on the platform or a person.
	 */
	@Transactional
	public ExpertView declareConflict(UUID expertId, UUID organizationId, String personName, String reason) {
		ExpertView expert = find(expertId).orElseThrow(() -> DomainException.notFound("expert"));
		if ((organizationId == null) == (personName == null || personName.isBlank())) {
			throw DomainException.invalid("organizationId", "ONE_OF_ORGANIZATION_OR_PERSON",
					"name an organisation or a person");
		}
		if (organizationId != null && this.organizations.findById(organizationId).isEmpty()) {
			throw DomainException.invalid("organizationId", "UNKNOWN_ORGANIZATION", "no such organisation");
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw DomainException.invalid("reason", "REQUIRED", "a reason of at most 500 characters");
		}
		insertConflict(expertId, organizationId, personName == null ? null : personName.trim(), reason.trim());
		this.audit.record(AuditEvent.of("EXPERT_CONFLICT_DECLARED", "Expert", expertId)
			.after((organizationId != null ? "organization=" + organizationId : "person=" + personName) + ", reason="
					+ reason.trim()));
		return find(expert.id()).orElseThrow();
	}

	/**
	 * The pool a signed-in user keeps: the department's for its officers, an enterprise's
	 * own for its contact; other roles keep none.
	 */
	public UUID poolOf(CurrentUser user) {
		if (user.has(Role.DEPARTMENT_OFFICER)) {
			return Organization.DEPARTMENT_ID;
		}
		if (user.has(Role.ENTERPRISE_CONTACT)) {
			return user.organizationId();
		}
		throw new AccessDeniedException("no expert pool for this role");
	}

	/**
	 * An expert as a signed-in user may see it: the expert itself, or its pool's keeper;
	 * anyone else is told it does not exist.
	 */
	@Transactional(readOnly = true)
	public ExpertView visibleTo(CurrentUser user, UUID id) {
		ExpertView expert = find(id).orElseThrow(() -> DomainException.notFound("expert"));
		boolean visible = user.has(Role.EXPERT) ? user.id().equals(id) : expert.ownerId().equals(poolOf(user));
		if (!visible) {
			throw DomainException.notFound("expert");
		}
		return expert;
	}

	@Transactional(readOnly = true)
	public Optional<ExpertView> find(UUID id) {
		return this.jdbc
			.sql("SELECT id, owner_id, affiliation_id, affiliation_name, fields, version FROM experts WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getLong(6)))
			.optional()
			.flatMap(this::view);
	}

	/** A pool's experts, by name. */
	@Transactional(readOnly = true)
	public PageResult<ExpertView> search(UUID ownerId, String text, int page, int size) {
		PageResult.check(page, size);
		Map<String, Object> params = new HashMap<>();
		params.put("owner", ownerId);
		String where = " WHERE e.owner_id = :owner";
		if (text != null && !text.isBlank()) {
			where += " AND (LOWER(u.display_name) LIKE :text ESCAPE '\\' OR LOWER(u.username) LIKE :text ESCAPE '\\'"
					+ " OR LOWER(e.fields) LIKE :text ESCAPE '\\' OR LOWER(e.affiliation_name) LIKE :text ESCAPE '\\')";
			params.put("text", SqlWhere.containing(text.trim().toLowerCase(java.util.Locale.ROOT)));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM experts e JOIN users u ON u.id = e.id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<UUID> ids = this.jdbc
			.sql("SELECT e.id FROM experts e JOIN users u ON u.id = e.id" + where
					+ " ORDER BY u.display_name LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UUID.class)
			.list();
		return new PageResult<>(ids.stream().map(id -> find(id).orElseThrow()).toList(), page, size, total);
	}

	/** Reads a sheet of experts into the pool of {@code ownerId}: all or nothing. */
	@Transactional
	public ImportReport importSheet(UUID ownerId, InputStream content, boolean dryRun) {
		List<SheetRow> rows = Sheets.read(content, COLUMNS.subList(0, 8));
		List<RowError> errors = new ArrayList<>();
		List<NewExpert> experts = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (SheetRow row : rows) {
			UUID affiliationId = null;
			if (row.get("单位代码") != null) {
				affiliationId = this.organizations.findFirstByCode(row.get("单位代码").toUpperCase(java.util.Locale.ROOT))
					.map(Organization::id)
					.orElse(null);
				if (affiliationId == null) {
					errors.add(new RowError(row.number(), "单位代码", "UNKNOWN_ORGANIZATION",
							"no organisation on the platform has this code"));
				}
			}
			List<UUID> conflictIds = new ArrayList<>();
			for (String name : split(row.get("回避单位"))) {
				Optional<Organization> conflict = this.organizations
					.findFirstByCode(name.toUpperCase(java.util.Locale.ROOT))
					.or(() -> this.organizations.findFirstByName(name));
				if (conflict.isEmpty()) {
					errors.add(new RowError(row.number(), "回避单位", "UNKNOWN_ORGANIZATION",
							"not an organisation on the platform: " + name));
				}
				else {
					conflictIds.add(conflict.get().id());
				}
			}
			NewExpert expert = new NewExpert(row.get("用户名"), row.get("初始密码"), row.get("姓名"), affiliationId,
					row.get("工作单位"), split(row.get("专业领域")), row.get("电子邮箱"), row.get("手机"), conflictIds, true);
			for (FieldViolation p : check(ownerId, expert)) {
				errors.add(new RowError(row.number(), column(p.field()), p.code(), p.message()));
			}
			if (expert.username() != null && !seen.add(expert.username())) {
				errors.add(new RowError(row.number(), "用户名", "DUPLICATE_IN_SHEET", "appears twice in the sheet"));
			}
			experts.add(expert);
		}
		if (rows.isEmpty()) {
			errors.add(new RowError(2, "", "SHEET_EMPTY", "the sheet has no rows"));
		}
		if (!errors.isEmpty() || dryRun) {
			return new ImportReport(rows.size(), 0, dryRun, errors);
		}
		experts.forEach(expert -> save(ownerId, expert));
		return new ImportReport(rows.size(), experts.size(), false, List.of());
	}

	public byte[] template() {
		return Sheets.template(COLUMNS,
				List.of("每行一位专家。用户名全平台唯一；初始密码至少 8 位，含三类字符，专家首次登录须修改。",
						"工作单位：专家所在单位名称（必填）。单位代码：如该单位已在平台注册，填写其 10 位高校代码或 18 位统一社会信用代码，用于自动回避。",
						"专业领域：多个领域用顿号、分号或逗号分隔。回避单位：专家声明需回避的平台内单位（代码或全称），多个用分号分隔，可留空。",
						"The import is all or nothing: a sheet with any bad row imports nothing."));
	}

	private List<FieldViolation> check(UUID ownerId, NewExpert expert) {
		List<FieldViolation> problems = new ArrayList<>(this.users.check(expert.toUser()));
		Organization owner = this.organizations.findById(ownerId).orElse(null);
		if (owner == null || owner.kind() == OrganizationKind.UNIVERSITY) {
			problems
				.add(new FieldViolation("ownerId", "INVALID_OWNER", "experts serve the department or an enterprise"));
		}
		if (expert.affiliationName() == null || expert.affiliationName().isBlank()) {
			if (expert.affiliationId() == null) {
				problems
					.add(new FieldViolation("affiliation", "REQUIRED", "name the organisation the expert works for"));
			}
		}
		else if (expert.affiliationName().length() > 200) {
			problems.add(new FieldViolation("affiliation", "TOO_LONG", "at most 200 characters"));
		}
		if (expert.fields().isEmpty()) {
			problems.add(new FieldViolation("fields", "REQUIRED", "at least one field of expertise"));
		}
		else if (String.join("、", expert.fields()).length() > 500) {
			problems.add(new FieldViolation("fields", "TOO_LONG", "at most 500 characters in all"));
		}
		return problems;
	}

	private ExpertView save(UUID ownerId, NewExpert expert) {
		UserView user = this.users.create(expert.toUser());
		String affiliationName = (expert.affiliationName() != null && !expert.affiliationName().isBlank())
				? expert.affiliationName().trim()
				: this.organizations.findById(expert.affiliationId()).map(Organization::name).orElse("");
		this.jdbc.sql("""
				INSERT INTO experts (id, owner_id, affiliation_id, affiliation_name, fields, version)
				VALUES (:id, :owner, :affiliation, :name, :fields, 0)""")
			.param("id", user.id())
			.param("owner", ownerId)
			.param("affiliation", expert.affiliationId())
			.param("name", affiliationName)
			.param("fields", String.join("、", expert.fields()))
			.update();
		for (UUID conflict : expert.conflictOrganizationIds()) {
			insertConflict(user.id(), conflict, null, "declared on creation");
		}
		this.audit.record(AuditEvent.of("EXPERT_CREATED", "Expert", user.id())
			.after("owner=" + ownerId + ", affiliation=" + affiliationName + ", fields=" + expert.fields()));
		return find(user.id()).orElseThrow();
	}

	private void insertConflict(UUID expertId, UUID organizationId, String personName, String reason) {
		this.jdbc.sql("""
				INSERT INTO expert_conflicts (id, expert_id, organization_id, person_name, reason, declared_at)
				VALUES (:id, :expert, :org, :person, :reason, :at)""")
			.param("id", UUID.randomUUID())
			.param("expert", expertId)
			.param("org", organizationId)
			.param("person", personName)
			.param("reason", reason)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	private Optional<ExpertView> view(Row row) {
		return this.users.find(row.id()).map(user -> {
			List<DeclaredConflict> conflicts = this.jdbc
				.sql("SELECT id, organization_id, person_name, reason FROM expert_conflicts WHERE expert_id = :id "
						+ "ORDER BY declared_at")
				.param("id", row.id())
				.query((rs, n) -> new DeclaredConflict(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getString(3), rs.getString(4)))
				.list();
			return new ExpertView(row.id(), user.username(), user.displayName(), row.ownerId(), row.affiliationId(),
					row.affiliationName(), split(row.fields()), conflicts, user.enabled(), row.version());
		});
	}

	static List<String> split(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[、;；,，]")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static String column(String field) {
		return switch (field) {
			case "affiliation" -> "工作单位";
			case "fields" -> "专业领域";
			default -> TeacherManagement.column(field);
		};
	}

	private record Row(UUID id, UUID ownerId, UUID affiliationId, String affiliationName, String fields, long version) {
	}

	/** An expert as the department or an enterprise enters one. */
	public record NewExpert(String username, String password, String displayName, UUID affiliationId,
			String affiliationName, List<String> fields, String email, String phone, List<UUID> conflictOrganizationIds,
			boolean passwordChangeRequired) {

		public NewExpert {
			fields = (fields == null) ? List.of()
					: fields.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
			conflictOrganizationIds = (conflictOrganizationIds == null) ? List.of()
					: List.copyOf(conflictOrganizationIds);
		}

		NewUser toUser() {
			return new NewUser(this.username, this.password, this.displayName, Role.EXPERT, this.affiliationId,
					this.email, this.phone, null, this.passwordChangeRequired);
		}

	}

}
