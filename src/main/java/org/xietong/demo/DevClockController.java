package org.xietong.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;
import org.xietong.shared.MovableClock;

/** Reads and moves the clock every rule reads; exists only in the demo profile. */
@RestController
@Profile("demo")
@RequestMapping("/api/v1/dev/clock")
@Tag(name = "Demo clock")
class DevClockController {

	private final MovableClock clock;

	private final AuditTrail audit;

	DevClockController(MovableClock clock, AuditTrail audit) {
		this.clock = clock;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The platform's time (demo profile only)")
	ClockState read() {
		return state();
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'SYSTEM_ADMIN')")
	@Operation(summary = "Move the platform's time: {\"advance\": \"P8D\"} or {\"instant\": \"…\"} (demo profile only)")
	ClockState move(@RequestBody ClockChange change) {
		Instant before = this.clock.instant();
		if ((change.advance() == null) == (change.instant() == null)) {
			throw DomainException.invalid("advance", "ONE_OF_ADVANCE_OR_INSTANT", "give either advance or instant");
		}
		try {
			if (change.advance() != null) {
				this.clock.advance(parseDuration(change.advance()));
			}
			else {
				this.clock.set(OffsetDateTime.parse(change.instant()).toInstant());
			}
		}
		catch (DateTimeParseException ex) {
			String field = (change.advance() != null) ? "advance" : "instant";
			throw DomainException.invalid(field, "INVALID_TIME", "an ISO-8601 duration (P8D, PT2H) or instant");
		}
		this.audit.record(AuditEvent.of("CLOCK_MOVED", "Clock", "platform")
			.before(before.toString())
			.after(this.clock.instant().toString()));
		return state();
	}

	private static Duration parseDuration(String text) {
		try {
			return Duration.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			// Weeks (P2W) are a period, not a duration: accept them as days.
			java.time.Period period = java.time.Period.parse(text.trim());
			if (period.getYears() != 0 || period.getMonths() != 0) {
				throw ex;
			}
			return Duration.ofDays(period.getDays());
		}
	}

	private ClockState state() {
		return new ClockState(OffsetDateTime.ofInstant(this.clock.instant(), this.clock.getZone()),
				this.clock.offset().toString());
	}

	record ClockChange(String advance, String instant) {
	}

	record ClockState(OffsetDateTime instant, String offset) {
	}

}
