/**
 * The append-only, hash-chained audit trail that every module writes to inside its own
 * transaction, and that only the audit administrator reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.xietong.audit;
