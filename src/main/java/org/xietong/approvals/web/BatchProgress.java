package org.xietong.approvals.web;

import org.xietong.approvals.Approvals;
import org.xietong.batches.BatchView;

/** A batch in the department's chooser, with how far its decisions are. */
public record BatchProgress(BatchView batch, Approvals.Progress progress) {
}
