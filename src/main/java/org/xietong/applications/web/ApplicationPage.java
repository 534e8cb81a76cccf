package org.xietong.applications.web;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.ApplicationManagement;
import org.xietong.applications.ApplicationView;
import org.xietong.applications.ReceiptService;
import org.xietong.shared.DomainException;

/**
 * One application's page: everything in it, its status and reasons, the receipt of its
 * latest submission, and the actions its status allows the user; for its university, the
 * endorsement cap used towards its enterprise.
 */
@Component
class ApplicationPage {

	private final ReceiptService receipts;

	private final ApplicationManagement applications;

	ApplicationPage(ReceiptService receipts, ApplicationManagement applications) {
		this.receipts = receipts;
		this.applications = applications;
	}

	String render(CurrentUser user, ApplicationView application, Map<String, String> errors, String typedReason,
			Model model) {
		DetailActions actions = DetailActions.of(user, application);
		model.addAttribute("application", application);
		model.addAttribute("zone", this.receipts.zoneOf(application.batchId()));
		model.addAttribute("receipt", (application.submissionCount() > 0) ? receipt(user, application) : null);
		model.addAttribute("actions", actions);
		model.addAttribute("usage",
				(user.has(Role.UNIVERSITY_ADMIN))
						? this.applications.endorsementUsage(user.organizationId(), application.batchId())
							.stream()
							.filter(usage -> usage.enterpriseId().equals(application.enterpriseId()))
							.findFirst()
							.orElse(null)
						: null);
		model.addAttribute("back", back(user));
		model.addAttribute("errors", errors);
		model.addAttribute("typedReason", (typedReason == null) ? "" : typedReason);
		return "applications/show";
	}

	private org.xietong.applications.Receipt receipt(CurrentUser user, ApplicationView application) {
		try {
			return this.receipts.latest(application.id(), user);
		}
		catch (DomainException ex) {
			return null;
		}
	}

	/** The list the user came from. */
	static String back(CurrentUser user) {
		return switch (user.role()) {
			case UNIVERSITY_ADMIN -> "/university/applications";
			case ENTERPRISE_CONTACT -> "/enterprise/applications";
			case DEPARTMENT_OFFICER -> "/department/applications";
			case TEACHER, SYSTEM_ADMIN, AUDIT_ADMIN, EXPERT -> "/applications";
		};
	}

}
