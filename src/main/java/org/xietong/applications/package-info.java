/**
 * Applications (学校申报): a teacher's application to a published guide, its attachments, the
 * limits shown before submission, the window to the second, the signed receipt of each
 * submission, the university's endorsement (推荐) and what the enterprise then sees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications",
		allowedDependencies = { "shared", "audit", "accounts", "organizations", "batches", "guides", "files" })
package org.xietong.applications;
