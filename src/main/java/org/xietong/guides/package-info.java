/**
 * Project guides (项目指南): what each enterprise offers in a batch, the type minimums and
 * the enterprise's cash minimum, the submission window, the department's review, the
 * public notice of guides and the public catalogue that teachers apply from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Project guides",
		allowedDependencies = { "shared", "audit", "accounts", "organizations", "batches", "notices" })
package org.xietong.guides;
