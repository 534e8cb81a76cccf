package org.xietong.applications;

import java.util.UUID;

/** The teacher who leads an application, and its university, as copied onto it. */
record Applicant(UUID teacherId, String name, UUID universityId, String universityName) {
}
