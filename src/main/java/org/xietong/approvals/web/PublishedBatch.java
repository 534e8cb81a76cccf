package org.xietong.approvals.web;

import org.xietong.batches.BatchView;

/** A batch in the public list of approval lists, with how many projects it published. */
public record PublishedBatch(BatchView batch, long projects) {
}
