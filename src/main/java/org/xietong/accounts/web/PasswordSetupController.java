package org.xietong.accounts.web;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.PasswordSetup;
import org.xietong.shared.DomainException;

/**
 * The page a one-time link leads to, where the account's holder chooses its password; the
 * same through the API. Opening the page does not use the link up (mail scanners open
 * links), only choosing a password does.
 */
@Controller
@Tag(name = "Authentication")
class PasswordSetupController {

	private final PasswordSetup setup;

	private final MessageSource messages;

	PasswordSetupController(PasswordSetup setup, MessageSource messages) {
		this.setup = setup;
		this.messages = messages;
	}

	@GetMapping("/account/setup")
	String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		boolean live = this.setup.live(token);
		if (!live) {
			response.setStatus(410);
		}
		return page(model, live ? token : "", live, Map.of());
	}

	@PostMapping("/account/setup")
	String choose(@RequestParam(required = false) String token, @RequestParam String newPassword,
			@RequestParam String confirmPassword, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw DomainException.invalid("confirmPassword", "PASSWORDS_DIFFER", "the two passwords differ");
			}
			this.setup.choose(token, newPassword);
		}
		catch (DomainException ex) {
			response.setStatus(ex.status());
			if (ex.status() == 410) {
				return page(model, "", false, Map.of());
			}
			var locale = RequestContextUtils.getLocale(request);
			return page(model, token, true,
					ex.violations()
						.stream()
						.collect(Collectors.toMap(v -> v.field(),
								v -> this.messages.getMessage("violation." + v.code(), null, v.message(), locale),
								(a, b) -> a)));
		}
		return "redirect:/login?passwordSet";
	}

	@PostMapping("/api/v1/auth/password-setup")
	@ResponseBody
	@Operation(summary = "Choose the password with the token of a one-time link (single use, 72 hours)")
	ResponseEntity<Void> chooseByApi(@RequestBody SetupRequest body) {
		this.setup.choose(body.token(), body.newPassword());
		return ResponseEntity.noContent().build();
	}

	private static String page(Model model, String token, boolean live, Map<String, String> errors) {
		model.addAttribute("token", token);
		model.addAttribute("live", live);
		model.addAttribute("errors", errors);
		return "accounts/setup";
	}

	record SetupRequest(String token, String newPassword) {
	}

}
