package org.xietong.audit;

import java.time.Instant;

/**
 * How far sealing has come: what the auditor sees beside the trail.
 *
 * @param sealedThrough the chain's last sealed position
 * @param sealedAt when the sealer last moved the head, or {@code null}
 * @param unsealed how many committed entries wait to be sealed
 * @param oldestUnsealedAt when the oldest of them was written, or {@code null}
 * @param lagMillis how long that one has waited (0 when none waits)
 */
public record SealingState(long sealedThrough, Instant sealedAt, long unsealed, Instant oldestUnsealedAt,
		long lagMillis) {
}
