package org.xietong.projects;

/** Who owns the intellectual property a project creates, as both sides agreed (二(四)). */
public enum IpOwnership {

	UNIVERSITY, ENTERPRISE, JOINT, AS_AGREED

}
