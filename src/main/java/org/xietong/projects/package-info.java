/**
 * Projects (项目): what an approved application becomes when the department publishes the
 * approval list, numbered {@code <year>-<province>-<4 digits>}; who sees which project;
 * the public verification of a project number. The agreement, funds, changes and
 * completion build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects", allowedDependencies = { "shared", "audit",
		"accounts", "organizations", "batches", "applications", "files", "notices", "reviews" })
package org.xietong.projects;
