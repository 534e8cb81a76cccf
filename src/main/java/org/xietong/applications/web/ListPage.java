package org.xietong.applications.web;

import java.util.List;

/**
 * How one role's list of applications looks: its address, its title and lead, which
 * filters it offers, and the choices in them.
 *
 * @param path the list's address; its export is at {@code path + ".csv"}
 * @param role the role the list is for, as its name
 * @param statuses the statuses the role may filter by
 * @param guides the guides to choose from (the enterprise's own), or none
 * @param enterprises the enterprises to choose from, or none
 */
public record ListPage(String path, String role, String titleKey, String leadKey, List<String> statuses,
		List<Choice> guides, List<Choice> enterprises, boolean typeFilter, boolean defaultsToSubmitted) {

	/** A choice in a filter: its id and what it is called. */
	public record Choice(String id, String label) {
	}

	/** The export's address with the same filters. */
	public String csvPath() {
		return this.path + ".csv";
	}

}
