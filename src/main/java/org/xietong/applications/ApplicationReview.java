package org.xietong.applications;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;

/**
 * The steps of an application that the enterprise's review takes: under review once an
 * expert is assigned, selected or not, recommended to the department. Each checks the
 * status table and is audited.
 */
@Service
public class ApplicationReview {

	private final Applications applications;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** How many applications one statement moves at most. */
	private static final int CHUNK = 1000;

	ApplicationReview(Applications applications, AuditTrail audit, Clock clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The first expert was assigned: an endorsed application is now under review. */
	@Transactional
	public void startReview(UUID applicationId) {
		Application application = load(applicationId);
		if (application.status() == ApplicationStatus.ENDORSED) {
			move(application, ApplicationStatus.UNDER_REVIEW, "APPLICATION_UNDER_REVIEW", null);
		}
	}

	/**
	 * The enterprise's selection of a guide: these become selected, the others selected
	 * before go back under review. Refuses, changing nothing, when any is not under
	 * review or selected.
	 */
	@Transactional
	public void select(Collection<UUID> selected, Collection<UUID> unselected, String reason) {
		List<Application> chosen = loadAll(selected,
				s -> s == ApplicationStatus.UNDER_REVIEW || s == ApplicationStatus.SELECTED);
		List<Application> dropped = loadAll(unselected, s -> s == ApplicationStatus.SELECTED);
		for (Application application : dropped) {
			move(application, ApplicationStatus.UNDER_REVIEW, "APPLICATION_UNSELECTED", reason);
		}
		for (Application application : chosen) {
			if (application.status() != ApplicationStatus.SELECTED) {
				move(application, ApplicationStatus.SELECTED, "APPLICATION_SELECTED", reason);
			}
		}
	}

	/** The result notice closed: those still under review were not selected. */
	@Transactional
	public void notSelected(Collection<UUID> applicationIds) {
		for (Application application : loadAll(applicationIds, s -> s == ApplicationStatus.UNDER_REVIEW)) {
			move(application, ApplicationStatus.NOT_SELECTED, "APPLICATION_NOT_SELECTED", null);
		}
	}

	/** An upheld objection took a selected application out of the result. */
	@Transactional
	public void unselect(UUID applicationId, String reason) {
		Application application = load(applicationId);
		if (application.status() == ApplicationStatus.SELECTED) {
			move(application, ApplicationStatus.UNDER_REVIEW, "APPLICATION_UNSELECTED", reason);
		}
	}

	/** The enterprise recommends selected applications to the department. */
	@Transactional
	public void recommend(Collection<UUID> applicationIds) {
		for (Application application : loadAll(applicationIds, s -> s == ApplicationStatus.SELECTED)) {
			move(application, ApplicationStatus.RECOMMENDED, "APPLICATION_RECOMMENDED", null);
		}
	}

	/**
	 * Publication made the department's decisions final: these become approved, those
	 * rejected (each with its reason), each audited. Refuses, changing nothing, when any
	 * is not recommended. One statement per thousand applications, not a load and a save
	 * of each: a national list has fifteen thousand.
	 */
	@Transactional
	public void decide(Collection<UUID> approved, java.util.Map<UUID, String> rejected) {
		moveAll(approved, ApplicationStatus.APPROVED, "APPLICATION_APPROVED", id -> null);
		moveAll(rejected.keySet(), ApplicationStatus.REJECTED, "APPLICATION_REJECTED", rejected::get);
	}

	private void moveAll(Collection<UUID> ids, ApplicationStatus next, String action,
			java.util.function.Function<UUID, String> reasons) {
		if (!ApplicationStatus.RECOMMENDED.canMoveTo(next)) {
			throw DomainException.illegalTransition("RECOMMENDED cannot become " + next, next);
		}
		List<UUID> all = List.copyOf(ids);
		java.time.OffsetDateTime now = java.time.OffsetDateTime.ofInstant(this.clock.instant(),
				java.time.ZoneOffset.UTC);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			int moved = this.jdbc.sql("""
					UPDATE applications SET status = :next, updated_at = :at, version = version + 1
					WHERE id IN (:ids) AND status = 'RECOMMENDED'""")
				.param("next", next.name())
				.param("at", now)
				.param("ids", chunk)
				.update();
			if (moved != chunk.size()) {
				throw DomainException
					.illegalTransition((chunk.size() - moved) + " of the applications are not recommended", next);
			}
		}
		List<AuditEvent> audited = new java.util.ArrayList<>(all.size());
		for (UUID id : all) {
			String reason = reasons.apply(id);
			audited.add(AuditEvent.of(action, "Application", id)
				.before("status=" + ApplicationStatus.RECOMMENDED)
				.after("status=" + next + ((reason == null) ? "" : ", reason=" + reason)));
		}
		this.audit.recordAll(audited);
	}

	private List<Application> loadAll(Collection<UUID> ids, Predicate<ApplicationStatus> allowed) {
		List<Application> found = ids.stream().map(this::load).toList();
		List<String> refused = found.stream()
			.filter(application -> !allowed.test(application.status()))
			.map(application -> application.id() + " (" + application.status() + ")")
			.toList();
		if (!refused.isEmpty()) {
			throw DomainException.illegalTransition("not possible for " + String.join(", ", refused),
					String.join(", ", refused));
		}
		return found;
	}

	private void move(Application application, ApplicationStatus next, String action, String reason) {
		ApplicationStatus before = application.status();
		application.review(next, this.clock.instant());
		this.applications.save(application);
		this.audit.record(AuditEvent.of(action, "Application", application.id())
			.before("status=" + before)
			.after("status=" + next + ((reason == null) ? "" : ", reason=" + reason)));
	}

	private Application load(UUID id) {
		return this.applications.findById(id).orElseThrow(() -> DomainException.notFound("application"));
	}

}
