package org.xietong.notifications;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xietong.accounts.Role;
import org.xietong.reviews.ApplicationRecommended;
import org.xietong.reviews.AssignmentDeclined;
import org.xietong.reviews.ScoringDeadlineApproaching;
import org.xietong.reviews.ExpertAssigned;
import org.xietong.reviews.SelectionReopened;
import org.xietong.shared.XietongProperties;

/**
 * Tells the people of an enterprise's review what concerns them: an expert its new
 * assignment, the enterprise a selection sent back, the leader, its university and the
 * experts a recommendation.
 */
@Component
class ReviewNotifications {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Inbox inbox;

	private final XietongProperties properties;

	ReviewNotifications(Inbox inbox, XietongProperties properties) {
		this.inbox = inbox;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ExpertAssigned event) {
		this.inbox.tell(event.expertId(), "inbox.EXPERT_ASSIGNED", "/expert/assignments/" + event.assignmentId(),
				event.applicationTitle(), SHOWN.format(event.deadline().atZone(this.properties.timeZone())));
	}

	@ApplicationModuleListener
	void on(ScoringDeadlineApproaching event) {
		this.inbox.tell(event.expertId(), "inbox.SCORING_DEADLINE", "/expert/assignments/" + event.assignmentId(),
				event.applicationTitle(), SHOWN.format(event.deadline().atZone(this.properties.timeZone())),
				Integer.toString(event.daysBefore()));
	}

	@ApplicationModuleListener
	void on(AssignmentDeclined event) {
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox.ASSIGNMENT_DECLINED",
				"/enterprise/reviews/" + event.guideId(), event.expertName(), event.applicationTitle(), event.reason());
	}

	@ApplicationModuleListener
	void on(SelectionReopened event) {
		this.inbox.tellOrganization(event.enterpriseId(), Role.ENTERPRISE_CONTACT, "inbox.SELECTION_REOPENED",
				"/enterprise/reviews/" + event.guideId(), event.applicationTitle(), event.response());
	}

	@ApplicationModuleListener
	void on(ApplicationRecommended event) {
		String link = "/applications/" + event.applicationId();
		this.inbox.tell(event.leaderId(), "inbox.APPLICATION_RECOMMENDED", link, event.title());
		this.inbox.tellOrganization(event.universityId(), Role.UNIVERSITY_ADMIN, "inbox.APPLICATION_RECOMMENDED", link,
				event.title());
		for (UUID expert : event.expertIds()) {
			this.inbox.tell(expert, "inbox.APPLICATION_RECOMMENDED_EXPERT", "/expert/assignments", event.title());
		}
	}

}
