package org.xietong.organizations;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserQuery;
import org.xietong.accounts.UserView;
import org.xietong.organizations.ImportReport.RowError;
import org.xietong.organizations.Sheets.SheetRow;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * A university's teachers, as its administrator manages them: one by one or from a sheet,
 * all or nothing. A teacher's first password is set by the administrator and must be
 * changed at the first sign-in.
 */
@Service
public class TeacherManagement {

	static final List<String> COLUMNS = List.of("用户名", "姓名", "职称", "电子邮箱", "手机", "初始密码");

	private final UserManagement users;

	private final Organizations organizations;

	TeacherManagement(UserManagement users, Organizations organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	@Transactional
	public UserView create(UUID universityId, NewTeacher teacher) {
		requireUniversity(universityId);
		List<FieldViolation> problems = new ArrayList<>(this.users.check(teacher.toUser(universityId)));
		problems.addAll(teacher.checkContact());
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return this.users.create(teacher.toUser(universityId));
	}

	@Transactional(readOnly = true)
	public PageResult<UserView> search(UUID universityId, String text, int page, int size) {
		requireUniversity(universityId);
		return this.users.search(new UserQuery(Role.TEACHER, universityId, text), page, size);
	}

	/**
	 * Deactivates or reactivates one of the university's teachers; another's teacher is
	 * not found.
	 */
	@Transactional
	public UserView setActive(UUID universityId, UUID teacherId, boolean active) {
		UserView teacher = this.users.find(teacherId)
			.filter(user -> user.role() == Role.TEACHER && universityId.equals(user.organizationId()))
			.orElseThrow(() -> DomainException.notFound("teacher"));
		return active ? this.users.activate(teacher.id()) : this.users.deactivate(teacher.id());
	}

	/**
	 * Reads a sheet of teachers; with {@code dryRun} only reports. Any bad row means
	 * nothing is created, and every bad row is named with its reason.
	 */
	@Transactional
	public ImportReport importSheet(UUID universityId, InputStream content, boolean dryRun) {
		requireUniversity(universityId);
		List<SheetRow> rows = Sheets.read(content, COLUMNS);
		List<RowError> errors = new ArrayList<>();
		List<NewUser> accounts = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (SheetRow row : rows) {
			NewTeacher teacher = new NewTeacher(row.get("用户名"), row.get("初始密码"), row.get("姓名"), row.get("职称"),
					row.get("电子邮箱"), row.get("手机"));
			NewUser user = teacher.toUser(universityId);
			List<FieldViolation> problems = new ArrayList<>(this.users.check(user));
			problems.addAll(teacher.checkContact());
			if (user.username() != null && !seen.add(user.username())) {
				problems.add(new FieldViolation("username", "DUPLICATE_IN_SHEET", "appears twice in the sheet"));
			}
			problems.forEach(p -> errors.add(new RowError(row.number(), column(p.field()), p.code(), p.message())));
			accounts.add(user);
		}
		if (rows.isEmpty()) {
			errors.add(new RowError(2, "", "SHEET_EMPTY", "the sheet has no rows"));
		}
		if (!errors.isEmpty() || dryRun) {
			return new ImportReport(rows.size(), 0, dryRun, errors);
		}
		accounts.forEach(this.users::create);
		return new ImportReport(rows.size(), accounts.size(), false, List.of());
	}

	public byte[] template() {
		return Sheets.template(COLUMNS,
				List.of("每行一位教师。用户名：3–64 位字母、数字或 . _ @ -，全平台唯一。", "初始密码：至少 8 位，含大写字母、小写字母、数字、符号中的三类；教师首次登录须修改。",
						"电子邮箱、手机用于通知，可留空。",
						"One teacher a row. The import is all or nothing: a sheet with any bad row imports nothing."));
	}

	static String column(String field) {
		return switch (field) {
			case "username" -> "用户名";
			case "displayName" -> "姓名";
			case "password" -> "初始密码";
			case "email" -> "电子邮箱";
			case "phone" -> "手机";
			case "title" -> "职称";
			default -> field;
		};
	}

	private void requireUniversity(UUID universityId) {
		this.organizations.findById(universityId)
			.filter(organization -> organization.kind() == OrganizationKind.UNIVERSITY)
			.orElseThrow(() -> DomainException.notFound("university"));
	}

	/** A teacher as the university administrator enters one. */
	public record NewTeacher(String username, String password, String displayName, String title, String email,
			String phone) {

		NewUser toUser(UUID universityId) {
			return new NewUser(this.username, this.password, this.displayName, Role.TEACHER, universityId, this.email,
					this.phone, this.title, true);
		}

		List<FieldViolation> checkContact() {
			List<FieldViolation> problems = new ArrayList<>();
			if (this.email != null && !this.email.isBlank()
					&& !this.email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				problems.add(new FieldViolation("email", "INVALID_EMAIL", "not an e-mail address"));
			}
			if (this.phone != null && !this.phone.isBlank() && !this.phone.trim().matches("[0-9+\\- ()]{7,20}")) {
				problems.add(new FieldViolation("phone", "INVALID_PHONE", "not a phone number"));
			}
			if (this.title != null && this.title.length() > 60) {
				problems.add(new FieldViolation("title", "TOO_LONG", "at most 60 characters"));
			}
			return problems;
		}

	}

}
