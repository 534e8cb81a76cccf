package org.xietong.accounts.web;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.ActiveSignIn;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserView;
import org.xietong.shared.DomainException;

/** Every user changes its own password: a page, and the same through the API. */
@Controller
@Tag(name = "Authentication")
class PasswordController {

	private final UserManagement users;

	private final MessageSource messages;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(UserManagement users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("required", user.passwordChangeRequired());
		return "accounts/password";
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw DomainException.invalid("confirmPassword", "PASSWORDS_DIFFER", "the two passwords differ");
			}
			UserView changed = this.users.changeOwnPassword(user.id(), currentPassword, newPassword,
					ActiveSignIn.session(request.getSession().getId()));
			refreshSignedInUser(user, changed, request, response);
		}
		catch (DomainException ex) {
			var locale = RequestContextUtils.getLocale(request);
			model.addAttribute("errors",
					ex.violations()
						.stream()
						.collect(Collectors.toMap(v -> v.field(),
								v -> this.messages.getMessage("violation." + v.code(), null, v.message(), locale),
								(a, b) -> a)));
			model.addAttribute("required", user.passwordChangeRequired());
			response.setStatus(422);
			return "accounts/password";
		}
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/home";
	}

	@PostMapping("/api/v1/me/password")
	@ResponseBody
	@Operation(summary = "Change the signed-in user's own password")
	ResponseEntity<Void> changeByApi(@AuthenticationPrincipal CurrentUser user, @RequestBody PasswordChange body,
			Authentication authentication) {
		this.users.changeOwnPassword(user.id(), body.currentPassword(), body.newPassword(),
				ActiveSignIn.token(String.valueOf(authentication.getCredentials())));
		return ResponseEntity.noContent().build();
	}

	private void refreshSignedInUser(CurrentUser user, UserView changed, HttpServletRequest request,
			HttpServletResponse response) {
		CurrentUser updated = new CurrentUser(user.id(), user.username(), user.displayName(), user.role(),
				user.organizationId(), changed.passwordChangeRequired());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.authorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
