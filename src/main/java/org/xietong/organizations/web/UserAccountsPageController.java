package org.xietong.organizations.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.SecurityProblems;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserView;
import org.xietong.organizations.OrganizationKind;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.DomainException;

/**
 * The system administrator's work on one account (deactivate, activate, unlock, set a new
 * password) and its form for department, university administrator and expert accounts;
 * the audit administrator's for audit administrators. Who may do what to whom is decided
 * by {@link UserManagement}. Lives here because it lists organisations, which accounts
 * may not know.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'AUDIT_ADMIN')")
class UserAccountsPageController {

	private final UserManagement users;

	private final OrganizationManagement organizations;

	private final MessageSource messages;

	private final DateTimeFormatter time;

	private final SecurityProblems problems;

	UserAccountsPageController(UserManagement users, OrganizationManagement organizations, MessageSource messages,
			Clock clock, SecurityProblems problems) {
		this.problems = problems;
		this.users = users;
		this.organizations = organizations;
		this.messages = messages;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(user, AccountForm.empty(), Map.of(), model);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser user, AccountForm form, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UserView created;
		try {
			Role role = form.roleValue();
			if (role == null) {
				throw DomainException.invalid("role", "INVALID_ROLE", "not a role this form creates");
			}
			// A password chosen for someone else must be changed at the first sign-in;
			// without one, the holder gets a link by mail.
			created = this.users.create(user,
					new NewUser(AccountForm.blankToNull(form.username()), AccountForm.blankToNull(form.password()),
							AccountForm.blankToNull(form.displayName()), role, form.organizationValue(),
							AccountForm.blankToNull(form.email()), AccountForm.blankToNull(form.phone()),
							AccountForm.blankToNull(form.title()), true));
		}
		catch (DomainException ex) {
			if (ex.status() == 403) {
				this.problems.recordDenied(request);
			}
			Map<String, String> errors = FormErrors.of(ex, this.messages, locale);
			if (form.organizationBlank() && errors.containsKey("organizationId")) {
				errors.put("organizationId", FormErrors.violation("REQUIRED", "required", this.messages, locale));
			}
			response.setStatus(FormErrors.status(ex));
			return form(user, form.withoutPassword(), errors, model);
		}
		redirect.addFlashAttribute("notice", "useradmin.notice.created");
		return "redirect:/admin/users/" + created.id();
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		return page(user, load(user, id), Map.of(), model);
	}

	@PostMapping("/{id}/{action:deactivate|activate|unlock}")
	String change(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String action,
			RedirectAttributes redirect) {
		load(user, id);
		switch (action) {
			case "deactivate" -> this.users.deactivate(user, id);
			case "activate" -> this.users.activate(user, id);
			default -> this.users.unlock(user, id);
		}
		redirect.addFlashAttribute("notice", "useradmin.notice." + action);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) String newPassword, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UserView account = load(user, id);
		try {
			this.users.resetPassword(user, account.id(), AccountForm.blankToNull(newPassword));
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			return page(user, account, FormErrors.of(ex, this.messages, locale), model);
		}
		redirect.addFlashAttribute("notice", "useradmin.notice.passwordReset");
		return "redirect:/admin/users/" + id;
	}

	private String page(CurrentUser user, UserView account, Map<String, String> errors, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("organization", (account.organizationId() == null) ? ""
				: this.organizations.find(account.organizationId()).map(OrganizationView::name).orElse(""));
		model.addAttribute("locked", this.users.isLocked(account.id()));
		model.addAttribute("self", account.id().equals(user.id()));
		model.addAttribute("time", this.time);
		model.addAttribute("errors", errors);
		return "organizations/account";
	}

	private String form(CurrentUser user, AccountForm form, Map<String, String> errors, Model model) {
		List<OrganizationView> choices = new ArrayList<>();
		this.organizations.find(this.organizations.departmentId()).ifPresent(choices::add);
		if (!user.has(Role.AUDIT_ADMIN)) {
			choices.addAll(this.organizations.findAll(OrganizationKind.UNIVERSITY));
		}
		model.addAttribute("form", form);
		model.addAttribute("roles", AccountForm.rolesFor(user.role()));
		model.addAttribute("organizations", choices);
		model.addAttribute("errors", errors);
		return "organizations/accountNew";
	}

	/** An account the user may see: an audit administrator sees only its peers. */
	private UserView load(CurrentUser user, UUID id) {
		return this.users.find(id)
			.filter(found -> !user.has(Role.AUDIT_ADMIN) || found.role() == Role.AUDIT_ADMIN)
			.orElseThrow(() -> DomainException.notFound("user"));
	}

}
