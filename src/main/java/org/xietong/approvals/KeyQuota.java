package org.xietong.approvals;

/** The batch's key projects: decided (or published) so far, and the quota. */
public record KeyQuota(long used, int limit) {

	public long remaining() {
		return Math.max(0, this.limit - this.used);
	}

}
