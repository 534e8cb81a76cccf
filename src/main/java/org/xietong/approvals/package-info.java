/**
 * Approval (项目立项): the department's decisions on the enterprises' recommendations, with
 * the checks that bear on each; the key-project quota held under concurrent decisions;
 * the approval notice (APPROVALS) with its objections; publication, which numbers the
 * projects gap-free in a stable order and opens them in one transaction; and the public
 * approval list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals", allowedDependencies = { "shared", "audit",
		"accounts", "organizations", "batches", "guides", "applications", "reviews", "notices", "projects" })
package org.xietong.approvals;
