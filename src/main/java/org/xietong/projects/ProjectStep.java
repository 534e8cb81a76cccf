package org.xietong.projects;

import java.util.UUID;

/**
 * A step of a project was taken ({@code action}, e.g. {@code AGREEMENT_SUBMITTED}): the
 * people it concerns are told what to do next. {@code personId} is the one person the
 * step names, when it names one (the acceptance expert assigned, the new leader asked
 * for), or {@code null}.
 */
public record ProjectStep(UUID projectId, String number, String title, String action, String detail, UUID leaderId,
		UUID universityId, UUID enterpriseId, UUID personId) {
}
