package org.xietong.organizations;

/** What an organisation is to the platform. */
public enum OrganizationKind {

	DEPARTMENT, UNIVERSITY, ENTERPRISE

}
