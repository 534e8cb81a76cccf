package org.xietong.projects;

import java.time.Instant;

/** One step in a project's history: when, who, what. */
public record HistoryEntry(Instant at, String actor, String action, String detail) {
}
