package org.xietong.organizations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseView;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * The public registration of an enterprise and its contact account, to be reviewed by the
 * department.
 */
@Controller
@RequestMapping("/register/enterprise")
class EnterpriseRegistrationPageController {

	private final EnterpriseManagement enterprises;

	private final MessageSource messages;

	EnterpriseRegistrationPageController(EnterpriseManagement enterprises, MessageSource messages) {
		this.enterprises = enterprises;
		this.messages = messages;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", EnterpriseForm.empty());
		model.addAttribute("errors", Map.of());
		return "organizations/register";
	}

	@PostMapping
	String register(EnterpriseForm form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<FieldViolation> formatProblems = form.formatProblems();
		try {
			if (form.passwordsDiffer()) {
				List<FieldViolation> problems = new ArrayList<>(formatProblems);
				problems.add(new FieldViolation("confirmPassword", "PASSWORDS_DIFFER", "the two passwords differ"));
				throw DomainException.invalid(problems);
			}
			// An unreadable date or amount reaches the service as missing, so that it
			// refuses the registration with every other problem at once.
			EnterpriseView registered = this.enterprises.register(form.command(form.creditCode()));
			redirect.addFlashAttribute("registered", registered.name());
			return "redirect:/register/enterprise/submitted";
		}
		catch (DomainException ex) {
			Map<String, String> errors = FormErrors.of(ex, this.messages, locale);
			errors.putAll(FormErrors.of(formatProblems, this.messages, locale));
			response.setStatus(FormErrors.status(ex));
			model.addAttribute("form", form.withoutPasswords());
			model.addAttribute("errors", errors);
			return "organizations/register";
		}
	}

	@GetMapping("/submitted")
	String submitted(Model model) {
		if (!model.containsAttribute("registered")) {
			model.addAttribute("registered", "");
		}
		return "organizations/registered";
	}

}
