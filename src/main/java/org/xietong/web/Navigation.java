package org.xietong.web;

import java.util.List;
import java.util.Map;

import org.xietong.accounts.Role;

/** The menu of each role: what it can reach from every page. */
final class Navigation {

	private static final NavItem HOME = new NavItem("nav.home", "/home");

	private static final NavItem NOTICES = new NavItem("nav.notices", "/notices");

	private static final NavItem CATALOGUE = new NavItem("nav.catalogue", "/catalogue");

	private static final NavItem VERIFY = new NavItem("nav.verify", "/verify");

	private static final NavItem APPROVAL_LIST = new NavItem("nav.approvalList", "/approvals");

	private static final NavItem PROJECTS = new NavItem("nav.projects", "/projects");

	private static final Map<Role, List<NavItem>> MENUS = Map.of(Role.DEPARTMENT_OFFICER,
			List.of(HOME, new NavItem("nav.batches", "/batches"), new NavItem("nav.enterpriseReview", "/enterprises"),
					new NavItem("nav.guideReview", "/guides/review"),
					new NavItem("nav.applicationsOverview", "/department/applications"),
					new NavItem("nav.approvalQueue", "/department/approvals"), APPROVAL_LIST, PROJECTS, NOTICES,
					CATALOGUE, new NavItem("nav.experts", "/experts"), new NavItem("nav.defaulters", "/defaulters"),
					new NavItem("nav.calendar", "/calendar"), new NavItem("nav.statistics", "/department/statistics")),
			Role.SYSTEM_ADMIN,
			List.of(HOME, new NavItem("nav.users", "/admin/users"),
					new NavItem("nav.universities", "/admin/universities"),
					new NavItem("nav.apiDocs", "/swagger-ui.html")),
			Role.AUDIT_ADMIN,
			List.of(HOME, new NavItem("nav.audit", "/audit"), new NavItem("nav.users", "/admin/users")),
			Role.ENTERPRISE_CONTACT,
			List.of(HOME, new NavItem("nav.myEnterprise", "/enterprise"), new NavItem("nav.myGuides", "/guides/mine"),
					new NavItem("nav.receivedApplications", "/enterprise/applications"),
					new NavItem("nav.enterpriseReviews", "/enterprise/reviews"), PROJECTS,
					new NavItem("nav.experts", "/experts"), NOTICES, CATALOGUE,
					new NavItem("nav.statistics", "/enterprise/statistics")),
			Role.UNIVERSITY_ADMIN,
			List.of(HOME, new NavItem("nav.teachers", "/university/teachers"),
					new NavItem("nav.applicationEndorsement", "/university/applications"), PROJECTS, CATALOGUE, NOTICES,
					new NavItem("nav.statistics", "/university/statistics")),
			Role.TEACHER,
			List.of(HOME, CATALOGUE, new NavItem("nav.myApplications", "/applications"),
					new NavItem("nav.myProjects", "/projects"), NOTICES),
			Role.EXPERT,
			List.of(HOME, new NavItem("nav.reviewTasks", "/expert/assignments"),
					new NavItem("nav.acceptanceTasks", "/expert/acceptance"),
					new NavItem("nav.expertProfile", "/expert/profile")));

	/** What visitors who have not signed in can reach. */
	static final List<NavItem> PUBLIC = List.of(CATALOGUE, new NavItem("nav.batches", "/batches"), NOTICES,
			APPROVAL_LIST, new NavItem("nav.completionList", "/completions"), VERIFY,
			new NavItem("nav.registerEnterprise", "/register/enterprise"));

	private Navigation() {
	}

	static List<NavItem> forRole(Role role) {
		return (role == null) ? PUBLIC : MENUS.getOrDefault(role, List.of(HOME));
	}

}
