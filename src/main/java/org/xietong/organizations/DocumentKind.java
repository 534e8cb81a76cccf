package org.xietong.organizations;

/** The documents an enterprise files with its registration. */
public enum DocumentKind {

	BUSINESS_LICENSE, CREDIT_REPORT, FINANCIAL_STATEMENT, COMMITMENT_LETTER

}
