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

	ApplicationReview(Applications applications, AuditTrail audit, Clock clock) {
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
	 * rejected (each with its reason). Refuses, changing nothing, when any is not
	 * recommended.
	 */
	@Transactional
	public void decide(Collection<UUID> approved, java.util.Map<UUID, String> rejected) {
		List<Application> yes = loadAll(approved, s -> s == ApplicationStatus.RECOMMENDED);
		List<Application> no = loadAll(rejected.keySet(), s -> s == ApplicationStatus.RECOMMENDED);
		for (Application application : yes) {
			move(application, ApplicationStatus.APPROVED, "APPLICATION_APPROVED", null);
		}
		for (Application application : no) {
			move(application, ApplicationStatus.REJECTED, "APPLICATION_REJECTED", rejected.get(application.id()));
		}
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
