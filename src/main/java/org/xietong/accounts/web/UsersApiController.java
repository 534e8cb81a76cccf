package org.xietong.accounts.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserQuery;
import org.xietong.accounts.UserView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'AUDIT_ADMIN')")
@Tag(name = "Users")
class UsersApiController {

	private final UserManagement users;

	UsersApiController(UserManagement users) {
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a department, university administrator or expert account (the system "
			+ "administrator) or an audit administrator (an audit administrator); without a password, a one-time "
			+ "link to choose one is mailed to the account's e-mail address")
	UserView create(@AuthenticationPrincipal CurrentUser user, @RequestBody CreateUser body) {
		Role role = parseRole(body.role());
		return this.users.create(user, new NewUser(body.username(), blankToNull(body.password()), body.displayName(),
				role, body.organizationId(), body.email(), body.phone(), body.title(), true));
	}

	@GetMapping
	@Operation(summary = "Accounts, paged, filtered by role and organisation")
	PageResult<UserView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String role,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		// An audit administrator manages, and so lists, only its peers.
		Role wanted = user.has(Role.AUDIT_ADMIN) ? Role.AUDIT_ADMIN
				: (role == null || role.isBlank()) ? null : parseRole(role);
		return this.users.search(new UserQuery(wanted, organizationId, q), page, size);
	}

	@GetMapping("/{id}")
	UserView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.users.find(id)
			.filter(found -> !user.has(Role.AUDIT_ADMIN) || found.role() == Role.AUDIT_ADMIN)
			.orElseThrow(() -> DomainException.notFound("user"));
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an account: it can no longer sign in")
	UserView deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.users.deactivate(user, id);
	}

	@PostMapping("/{id}/activate")
	UserView activate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.users.activate(user, id);
	}

	@PostMapping("/{id}/unlock")
	@Operation(summary = "Lift a lockout after failed sign-ins")
	UserView unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.users.unlock(user, id);
	}

	@PostMapping("/{id}/reset-password")
	@Operation(summary = "Set a new password that the user must change at the next sign-in within 72 hours, "
			+ "or, without newPassword, mail the user a one-time link to choose one")
	UserView resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody(required = false) PasswordReset body) {
		return this.users.resetPassword(user, id, (body == null) ? null : blankToNull(body.newPassword()));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	record PasswordReset(String newPassword) {
	}

	private static Role parseRole(String role) {
		try {
			return Role.valueOf(role);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw DomainException.invalid("role", "INVALID_ROLE", "one of DEPARTMENT_OFFICER, SYSTEM_ADMIN, "
					+ "AUDIT_ADMIN, ENTERPRISE_CONTACT, UNIVERSITY_ADMIN, TEACHER, EXPERT");
		}
	}

	record CreateUser(String username, String password, String displayName, String role, UUID organizationId,
			String email, String phone, String title) {
	}

}
