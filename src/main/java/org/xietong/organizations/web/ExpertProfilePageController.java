package org.xietong.organizations.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.ExpertManagement;
import org.xietong.organizations.ExpertView;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.shared.DomainException;

/** An expert's own profile: where it works, its fields and the conflicts it declared. */
@Controller
@RequestMapping("/expert/profile")
@PreAuthorize("hasRole('EXPERT')")
class ExpertProfilePageController {

	private static final String PATH = "/expert/profile";

	private final ExpertManagement experts;

	private final ExpertPages pages;

	ExpertProfilePageController(ExpertManagement experts, EnterpriseManagement enterprises,
			OrganizationManagement organizations, MessageSource messages) {
		this.experts = experts;
		this.pages = new ExpertPages(experts, enterprises, organizations, messages);
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		Optional<ExpertView> expert = this.experts.find(user.id());
		if (expert.isEmpty()) {
			// An expert account made by the system administrator serves no pool yet.
			return "organizations/expertWithoutPool";
		}
		return this.pages.page(expert.get(), user.organizationId(), PATH + "/conflicts", PATH, ConflictForm.empty(),
				Map.of(), model);
	}

	@PostMapping("/conflicts")
	String declareConflict(@AuthenticationPrincipal CurrentUser user, ConflictForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ExpertView expert = this.experts.find(user.id()).orElseThrow(() -> DomainException.notFound("expert"));
		return this.pages.declare(expert, user.organizationId(), form, PATH + "/conflicts", PATH, locale, model,
				response, redirect);
	}

}
