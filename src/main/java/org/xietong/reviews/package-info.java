/**
 * Enterprise review (企业评审): review plans with weighted criteria, conflicts of interest
 * found automatically or added by hand, manual and automatic assignment of experts
 * (min-cost flow), scoring, the ranking, the selection, the result notice with its
 * objections, and the recommendation to the department.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise review", allowedDependencies = { "shared",
		"audit", "accounts", "organizations", "batches", "guides", "applications", "notices", "files" })
package org.xietong.reviews;
