package org.xietong.organizations.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.EnterpriseStatus;
import org.xietong.organizations.EnterpriseView;
import org.xietong.organizations.ExpertManagement;
import org.xietong.organizations.ExpertView;
import org.xietong.organizations.OrganizationKind;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * What the pool owner's expert page and the expert's own profile share: the expert with
 * its declared conflicts and the form to declare another.
 */
final class ExpertPages {

	private final ExpertManagement experts;

	private final EnterpriseManagement enterprises;

	private final OrganizationManagement organizations;

	private final MessageSource messages;

	ExpertPages(ExpertManagement experts, EnterpriseManagement enterprises, OrganizationManagement organizations,
			MessageSource messages) {
		this.experts = experts;
		this.enterprises = enterprises;
		this.organizations = organizations;
		this.messages = messages;
	}

	/** Universities: where an expert works, or whom it must avoid. */
	List<OrganizationView> universities() {
		return this.organizations.findAll(OrganizationKind.UNIVERSITY);
	}

	/**
	 * Enterprises the department admitted (approved, or since put on the defaulters'
	 * list), and the viewer's own: a registration under review or refused is nobody
	 * else's business.
	 */
	List<OrganizationView> enterprises(UUID own) {
		Set<UUID> admitted = new HashSet<>();
		for (EnterpriseStatus status : List.of(EnterpriseStatus.APPROVED, EnterpriseStatus.BLACKLISTED)) {
			int page = 0;
			PageResult<EnterpriseView> batch;
			do {
				batch = this.enterprises.search(status, null, page++, PageResult.MAX_SIZE);
				batch.items().forEach(enterprise -> admitted.add(enterprise.id()));
			}
			while (batch.hasNext());
		}
		return this.organizations.findAll(OrganizationKind.ENTERPRISE)
			.stream()
			.filter(enterprise -> admitted.contains(enterprise.id()) || enterprise.id().equals(own))
			.toList();
	}

	Set<UUID> choices(UUID own) {
		return Stream.concat(universities().stream(), enterprises(own).stream())
			.map(OrganizationView::id)
			.collect(Collectors.toSet());
	}

	/** Every organisation's name by its id, to show affiliations and conflicts. */
	Map<UUID, String> names() {
		Map<UUID, String> names = new HashMap<>();
		for (OrganizationKind kind : OrganizationKind.values()) {
			this.organizations.findAll(kind).forEach(o -> names.put(o.id(), o.name()));
		}
		return names;
	}

	/**
	 * The expert's page; {@code own} is the viewer's organisation, offered among the
	 * organisations to avoid.
	 */
	String page(ExpertView expert, UUID own, String conflictAction, String backHref, ConflictForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("expert", expert);
		model.addAttribute("names", names());
		model.addAttribute("universities", universities());
		model.addAttribute("enterprises", enterprises(own));
		model.addAttribute("conflictAction", conflictAction);
		model.addAttribute("backHref", backHref);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "organizations/expert";
	}

	String declare(ExpertView expert, UUID own, ConflictForm form, String conflictAction, String backHref,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (form.organizationMalformed()
					|| (form.organizationValue() != null && !choices(own).contains(form.organizationValue()))) {
				throw DomainException.invalid("organizationId", "UNKNOWN_ORGANIZATION", "no such organisation");
			}
			this.experts.declareConflict(expert.id(), form.organizationValue(), form.personName(), form.reason());
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			return page(expert, own, conflictAction, backHref, form, FormErrors.of(ex, this.messages, locale), model);
		}
		redirect.addFlashAttribute("notice", "experts.notice.conflictDeclared");
		return "redirect:" + backHref;
	}

}
