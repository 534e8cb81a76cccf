package org.xietong.accounts.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserView;
import org.xietong.shared.PageResult;
import org.xietong.shared.web.Csv;

/**
 * The system administrator's list of accounts: filtered, paged, exportable; an audit
 * administrator's lists its peers only.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'AUDIT_ADMIN')")
class UsersPageController {

	private static final int PAGE_SIZE = 50;

	private final UserManagement users;

	UsersPageController(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, UserFilter filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		filter = visible(user, filter);
		model.addAttribute("filter", filter);
		model.addAttribute("roles", Role.values());
		model.addAttribute("result", this.users.search(filter.query(), Math.max(page, 0), PAGE_SIZE));
		return "accounts/users";
	}

	@GetMapping("/export.csv")
	void export(@AuthenticationPrincipal CurrentUser viewer, UserFilter filter, HttpServletResponse response)
			throws IOException {
		filter = visible(viewer, filter);
		PrintWriter out = Csv.open(response, "users.csv", "username", "display_name", "role", "organization_id",
				"email", "phone", "enabled", "created_at");
		int page = 0;
		PageResult<UserView> batch;
		do {
			batch = this.users.search(filter.query(), page++, PageResult.MAX_SIZE);
			for (UserView user : batch.items()) {
				Csv.row(out, user.username(), user.displayName(), user.role().name(), user.organizationId(),
						user.email(), user.phone(), user.enabled(), user.createdAt());
			}
		}
		while (batch.hasNext());
		out.flush();
	}

	private static UserFilter visible(CurrentUser user, UserFilter filter) {
		return user.has(Role.AUDIT_ADMIN) ? filter.withRole(Role.AUDIT_ADMIN) : filter;
	}

}
