/**
 * Statistics (统计分析): the funnel of a batch from guides to certificates, broken down by
 * university, enterprise, type, direction, industry, teacher and guide, across years;
 * each organisation's own figures; the public summary of a batch; the year's report.
 * Read-only SQL over the other modules' tables, counted live, so that every figure is
 * exact and equals the list it links to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.xietong.reporting;
