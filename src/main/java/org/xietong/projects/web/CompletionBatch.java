package org.xietong.projects.web;

import org.xietong.batches.BatchView;

/** A batch on the public completion lists and how many of its projects have completed. */
public record CompletionBatch(BatchView batch, long completed) {
}
