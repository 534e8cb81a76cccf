package org.xietong.reviews;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.applications.ApplicationDetails;
import org.xietong.applications.ApplicationView;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.organizations.ExpertView;
import org.xietong.shared.DomainException;

/**
 * Finds the conflicts of interest between an expert and an application: the expert's own
 * organisation, its place on the team, what it declared, and what the enterprise added by
 * hand. A conflict found is never overridden.
 */
@Component
class Conflicts {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Conflicts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Every conflict between the expert and the application; empty when there is none.
	 */
	List<Conflict> between(ExpertView expert, ApplicationView application) {
		return between(expert, application, manual(application.id()));
	}

	/** The same, with the application's conflicts added by hand already read. */
	static List<Conflict> between(ExpertView expert, ApplicationView application, Set<UUID> manualExperts) {
		List<Conflict> conflicts = new ArrayList<>();
		if (application.universityId().equals(expert.affiliationId())) {
			conflicts.add(new Conflict("SAME_ORGANIZATION", application.universityName()));
		}
		Set<String> people = people(application);
		if (people.contains(normal(expert.displayName()))) {
			conflicts.add(new Conflict("TEAM_MEMBER", expert.displayName()));
		}
		for (ExpertView.DeclaredConflict declared : expert.conflicts()) {
			if (declared.organizationId() != null && (declared.organizationId().equals(application.universityId())
					|| declared.organizationId().equals(application.enterpriseId()))) {
				conflicts.add(new Conflict("DECLARED", declared.reason()));
			}
			else if (declared.personName() != null && people.contains(normal(declared.personName()))) {
				conflicts.add(new Conflict("DECLARED", declared.personName() + ": " + declared.reason()));
			}
		}
		if (manualExperts.contains(expert.id())) {
			conflicts.add(new Conflict("OTHER", "added by the enterprise"));
		}
		return conflicts;
	}

	/** The experts the enterprise declared in conflict with the application by hand. */
	Set<UUID> manual(UUID applicationId) {
		return Set.copyOf(this.jdbc.sql("SELECT expert_id FROM review_conflicts WHERE application_id = :application")
			.param("application", applicationId)
			.query(UUID.class)
			.list());
	}

	/** The enterprise adds a conflict by hand; it holds from now on. */
	@Transactional
	void add(UUID applicationId, UUID expertId, String reason, String addedBy) {
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw DomainException.invalid("reason", "REQUIRED", "a reason of at most 2000 characters");
		}
		if (manual(applicationId).contains(expertId)) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO review_conflicts (id, application_id, expert_id, reason, added_by, added_at)
				VALUES (:id, :application, :expert, :reason, :by, :at)""")
			.param("id", UUID.randomUUID())
			.param("application", applicationId)
			.param("expert", expertId)
			.param("reason", reason.strip())
			.param("by", addedBy)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		this.audit.record(AuditEvent.of("REVIEW_CONFLICT_ADDED", "Application", applicationId)
			.after("expert=" + expertId + ", reason=" + reason.strip()));
	}

	private static Set<String> people(ApplicationView application) {
		Set<String> names = application.team()
			.stream()
			.map(ApplicationDetails.Member::name)
			.map(Conflicts::normal)
			.collect(Collectors.toSet());
		names.add(normal(application.leaderName()));
		return names;
	}

	private static String normal(String name) {
		return (name == null) ? "" : name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
	}

}
