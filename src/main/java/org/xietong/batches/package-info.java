/**
 * Batches (批次): each year's schedule and rules, whose defaults are the 2024 notice's, and
 * the phase a batch is in by the platform's clock. Every later step reads its limits
 * here. Depends on accounts only for {@code PublicPaths}, to open its public pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Batches",
		allowedDependencies = { "shared", "audit", "accounts" })
package org.xietong.batches;
