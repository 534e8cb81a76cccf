package org.xietong.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every rule reads: the system clock shifted by an offset. Only the demo
 * profile's dev clock endpoint and tests ever move it; in production the offset stays
 * zero.
 */
public final class MovableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	public MovableClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO));
	}

	private MovableClock(Clock base, AtomicReference<Duration> offset) {
		this.base = base;
		this.offset = offset;
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.base.withZone(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	/** Moves the clock forward (or back, for a negative amount). */
	public void advance(Duration amount) {
		this.offset.accumulateAndGet(amount, Duration::plus);
	}

	/** Sets the clock so that it reads {@code instant} now and runs on from there. */
	public void set(Instant instant) {
		this.offset.set(Duration.between(this.base.instant(), instant));
	}

	/** Back to the system's time. */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	public Duration offset() {
		return this.offset.get();
	}

}
