package org.xietong.reviews.web;

import java.util.List;

import org.xietong.applications.ApplicationSummary;
import org.xietong.organizations.ExpertView;
import org.xietong.reviews.AssignmentView;

/**
 * An application on the enterprise's review page with its experts.
 *
 * @param active how many of its experts have not declined
 * @param open whether experts may still be assigned (endorsed or under review)
 * @param available the experts of the pool never assigned to it, to choose from
 */
public record ApplicationRow(ApplicationSummary application, List<AssignmentView> assignments, long active,
		boolean open, List<ExpertView> available) {
}
