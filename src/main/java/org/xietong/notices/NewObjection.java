package org.xietong.notices;

import java.util.UUID;

/** An objection as filed: a real name, a phone number, the reasons. */
public record NewObjection(UUID subjectId, String name, String phone, String email, String reason) {
}
