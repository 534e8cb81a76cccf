package org.xietong.accounts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.ApiTokens;
import org.xietong.accounts.ApiTokens.IssuedToken;
import org.xietong.accounts.CurrentUser;
import org.xietong.shared.DomainException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class AuthApiController {

	private final AuthenticationManager authenticationManager;

	private final ApiTokens tokens;

	AuthApiController(AuthenticationManager authenticationManager, ApiTokens tokens) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
	}

	@PostMapping("/auth/token")
	@Operation(summary = "Sign in and receive an opaque bearer token")
	IssuedToken issue(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		Authentication authentication;
		try {
			authentication = this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()));
		}
		catch (LockedException ex) {
			throw new DomainException(401, "ACCOUNT_LOCKED", "account locked");
		}
		catch (DisabledException ex) {
			throw new DomainException(401, "ACCOUNT_DISABLED", "account disabled");
		}
		catch (CredentialsExpiredException ex) {
			throw new DomainException(401, "INITIAL_PASSWORD_EXPIRED",
					"the initial password expired unused after 72 hours: ask an administrator to reset it");
		}
		catch (AuthenticationException ex) {
			throw new DomainException(401, "BAD_CREDENTIALS", "bad credentials");
		}
		return this.tokens.issue((CurrentUser) authentication.getPrincipal(), request.getRemoteAddr());
	}

	@DeleteMapping("/auth/token")
	@Operation(summary = "Revoke the token this request carries")
	ResponseEntity<Void> revoke(Authentication authentication) {
		if (authentication.getCredentials() instanceof String token
				&& authentication.getPrincipal() instanceof CurrentUser user) {
			this.tokens.revoke(token, user);
		}
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.id(), user.username(), user.displayName(), user.roleName(), user.organizationId(),
				user.passwordChangeRequired());
	}

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
	}

	record Me(UUID id, String username, String displayName, String role, UUID organizationId,
			boolean passwordChangeRequired) {
	}

}
