package org.xietong.reviews.web;

import java.util.List;

import org.xietong.batches.BatchView;

/** A batch and the review progress of the enterprise's published guides in it. */
public record BatchGuides(BatchView batch, List<GuideProgress> guides) {
}
