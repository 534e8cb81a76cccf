/**
 * The installation's own PostgreSQL: started from embedded binaries under the data folder
 * when no external database is configured, so that a single machine runs exactly what
 * production runs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded database")
package org.xietong.database;
