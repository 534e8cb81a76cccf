package org.xietong.notifications;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.Role;
import org.xietong.guides.GuideApproved;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuidePublished;
import org.xietong.guides.GuideReturned;
import org.xietong.guides.GuideRevoked;
import org.xietong.guides.GuideView;
import org.xietong.guides.GuidesSubmitted;

/** Tells an enterprise's contacts of each decision on its guides. */
@Component
class GuideNotifications {

	private final Inbox inbox;

	private final GuideCatalogue guides;

	GuideNotifications(Inbox inbox, GuideCatalogue guides) {
		this.inbox = inbox;
		this.guides = guides;
	}

	@ApplicationModuleListener
	void on(GuidesSubmitted event) {
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox.GUIDES_SUBMITTED",
				"/batches/" + event.batchId() + "/guides", Integer.toString(event.guideIds().size()));
	}

	@ApplicationModuleListener
	void on(GuideApproved event) {
		tell(event.guideId(), event.enterpriseId(), "inbox.GUIDE_APPROVED", "");
	}

	@ApplicationModuleListener
	void on(GuideReturned event) {
		tell(event.guideId(), event.enterpriseId(), "inbox.GUIDE_RETURNED", event.reason());
	}

	@ApplicationModuleListener
	void on(GuidePublished event) {
		tell(event.guideId(), event.enterpriseId(), "inbox.GUIDE_PUBLISHED", "");
	}

	@ApplicationModuleListener
	void on(GuideRevoked event) {
		tell(event.guideId(), event.enterpriseId(), "inbox.GUIDE_REVOKED", event.reason());
	}

	private void tell(UUID guideId, UUID enterpriseId, String key, String reason) {
		String title = this.guides.find(guideId).map(GuideView::title).orElse("");
		this.inbox.tellOrganization(enterpriseId, Role.ENTERPRISE_CONTACT, key, "/guides/" + guideId, title,
				reason == null ? "" : reason);
	}

}
