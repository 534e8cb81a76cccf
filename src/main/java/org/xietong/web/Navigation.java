package org.xietong.web;

import java.util.List;
import java.util.Map;

import org.xietong.accounts.Role;

/** The menu of each role: what it can reach from every page. */
final class Navigation {

	private static final NavItem HOME = new NavItem("nav.home", "/home");

	private static final Map<Role, List<NavItem>> MENUS = Map.of(Role.DEPARTMENT_OFFICER, List.of(HOME),
			Role.SYSTEM_ADMIN,
			List.of(HOME, new NavItem("nav.users", "/admin/users"), new NavItem("nav.apiDocs", "/swagger-ui.html")),
			Role.AUDIT_ADMIN, List.of(HOME, new NavItem("nav.audit", "/audit")), Role.ENTERPRISE_CONTACT, List.of(HOME),
			Role.UNIVERSITY_ADMIN, List.of(HOME), Role.TEACHER, List.of(HOME), Role.EXPERT, List.of(HOME));

	private Navigation() {
	}

	static List<NavItem> forRole(Role role) {
		return (role == null) ? List.of() : MENUS.getOrDefault(role, List.of(HOME));
	}

}
