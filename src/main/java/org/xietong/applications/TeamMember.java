package org.xietong.applications;

/**
 * A member of an application's team besides its leader.
 *
 * @param name the member's name
 * @param title the member's professional title (职称)
 * @param organization where the member works
 * @param memberRole what the member does in the project
 */
@org.springframework.data.relational.core.mapping.Table("application_team_members")
public record TeamMember(String name, String title, String organization, String memberRole) {
}
