package org.xietong.applications;

/**
 * A submission's answer: the application as it now stands and its receipt;
 * {@code alreadySubmitted} when it had been submitted before and nothing changed.
 */
public record SubmissionResult(ApplicationView application, Receipt receipt, boolean alreadySubmitted) {
}
