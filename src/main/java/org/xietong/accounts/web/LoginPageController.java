package org.xietong.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.accounts.CurrentUser;

/** The sign-in page; the form posts to Spring Security's {@code /login}. */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String passwordSet,
			Model model) {
		if (CurrentUser.get().isPresent()) {
			return "redirect:/home";
		}
		model.addAttribute("error", (error == null) ? "" : switch (error) {
			case "locked" -> "login.error.locked";
			case "disabled" -> "login.error.disabled";
			case "expired" -> "login.error.expired";
			default -> "login.error.bad";
		});
		model.addAttribute("notice", (passwordSet == null) ? "" : "setup.done");
		return "accounts/login";
	}

}
