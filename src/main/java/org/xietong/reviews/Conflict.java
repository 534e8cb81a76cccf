package org.xietong.reviews;

/**
 * Why an expert may not score an application.
 *
 * @param kind {@code SAME_ORGANIZATION} (the expert works at the applicant's university),
 * {@code TEAM_MEMBER} (the expert leads or is on the team), {@code DECLARED} (the expert
 * declared a conflict with the university, the enterprise or the leader or a member), or
 * {@code OTHER} (the enterprise added it by hand)
 * @param detail what matched
 */
public record Conflict(String kind, String detail) {
}
