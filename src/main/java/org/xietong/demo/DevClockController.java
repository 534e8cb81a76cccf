package org.xietong.demo;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.MovableClock;

/** Reads and moves the clock every rule reads; exists only in the demo profile. */
@RestController
@Profile("demo")
@RequestMapping("/api/v1/dev/clock")
@Tag(name = "Demo clock")
class DevClockController {

	/** The demo's time stays where dates, deadlines and the database all make sense. */
	private static final Instant FIRST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant END = Instant.parse("2101-01-01T00:00:00Z");

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
		String field = (change.advance() != null) ? "advance" : "instant";
		Duration advance = null;
		Instant target;
		try {
			if (change.advance() != null) {
				advance = parseDuration(change.advance());
				target = before.plus(advance);
			}
			else {
				target = OffsetDateTime.parse(change.instant().trim()).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field, "INVALID_TIME", "an ISO-8601 duration (P8D, PT2H) or instant");
		}
		catch (ArithmeticException | DateTimeException ex) {
			throw outsideSpan(field);
		}
		if (target.isBefore(FIRST) || !target.isBefore(END)) {
			throw outsideSpan(field);
		}
		if (advance != null) {
			this.clock.advance(advance);
		}
		else {
			this.clock.set(target);
		}
		this.audit.record(AuditEvent.of("CLOCK_MOVED", "Clock", "platform")
			.before(before.toString())
			.after(this.clock.instant().toString()));
		return state();
	}

	private static DomainException outsideSpan(String field) {
		return new DomainException(400, "VALIDATION_FAILED",
				List.of(new FieldViolation(field, "OUT_OF_RANGE", "the clock moves within 2000-01-01..2100-12-31")),
				"clock outside its span");
	}

	private static Duration parseDuration(String text) {
		try {
			return Duration.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			if (ex.getCause() instanceof ArithmeticException || ex.getCause() instanceof NumberFormatException) {
				throw new ArithmeticException("a duration beyond any clock");
			}
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
