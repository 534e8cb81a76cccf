package org.xietong.guides.web;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.guides.GuideView;
import org.xietong.shared.DomainException;

/**
 * One guide's page: everything a teacher needs to apply, and the actions its status
 * allows the user (the enterprise's edit and withdrawal, the department's decisions).
 */
@Component
class GuidePage {

	private final BatchManagement batches;

	GuidePage(BatchManagement batches) {
		this.batches = batches;
	}

	String render(CurrentUser user, GuideView guide, Map<String, String> errors, String typedReason, Model model) {
		model.addAttribute("guide", guide);
		model.addAttribute("batch",
				this.batches.find(guide.batchId()).orElseThrow(() -> DomainException.notFound("batch")));
		model.addAttribute("actions", GuideActions.of(user, guide));
		model.addAttribute("owner", GuideAccess.isOwner(user, guide));
		model.addAttribute("department", GuideAccess.isDepartment(user));
		model.addAttribute("errors", errors);
		model.addAttribute("typedReason", typedReason);
		return "guides/show";
	}

}
