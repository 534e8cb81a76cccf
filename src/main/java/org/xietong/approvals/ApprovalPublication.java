package org.xietong.approvals;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationReview;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchView;
import org.xietong.batches.BatchManagement;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideView;
import org.xietong.projects.NewProject;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * Publishes a batch's approval list: once every recommendation is decided and every
 * approval has stood through its notice, the approvals become projects numbered
 * {@code <year>-<province>-<4 digits>} in a stable order (key projects first, then by
 * enterprise and guide in pinyin order, then by application number), the applications
 * become approved or rejected, and the people concerned are told. All in one transaction
 * under the batch's lock: a failure halfway leaves nothing behind, and a retry numbers
 * from where the last publication ended, without gaps. Numbers are reserved per prefix
 * ({@code <year>-<province>}), so two batches of one province and year never share one.
 */
@Service
public class ApprovalPublication {

	private final Approvals approvals;

	private final JdbcClient jdbc;

	private final BatchManagement batches;

	private final GuideCatalogue guides;

	private final Projects projects;

	private final ApplicationReview applications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApprovalPublication(Approvals approvals, JdbcClient jdbc, BatchManagement batches, GuideCatalogue guides,
			Projects projects, ApplicationReview applications, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.approvals = approvals;
		this.jdbc = jdbc;
		this.batches = batches;
		this.guides = guides;
		this.projects = projects;
		this.applications = applications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a publication did: the projects it opened, in number order, and how many
	 * rejections it made final.
	 */
	public record Result(UUID batchId, int published, int rejected, List<ProjectView> projects) {
	}

	/**
	 * Publishes the batch's decisions made since the last publication. Refused with
	 * {@code DECISIONS_PENDING} while a recommendation is undecided and
	 * {@code NOTICE_NOT_CLOSED} while an approval has not stood through a closed notice;
	 * with nothing new to publish it publishes nothing.
	 */
	@Transactional
	public Result publish(UUID batchId, CurrentUser user) {
		Approvals.requireDepartment(user);
		BatchView batch = this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
		this.approvals.lockRound(batchId);
		List<Approvals.Row> rows = this.approvals.recommended(batchId);
		List<FieldViolation> pending = rows.stream()
			.filter(row -> row.decision() == null)
			.map(row -> new FieldViolation("applications", "DECISION_PENDING", row.number() + " " + row.title()))
			.toList();
		if (!pending.isEmpty()) {
			throw new DomainException(409, "DECISIONS_PENDING", pending,
					pending.size() + " recommended applications are not decided", pending.size());
		}
		List<FieldViolation> unnoticed = rows.stream()
			.filter(row -> row.decision().approved() && row.decision().noticeClosedAt() == null)
			.map(row -> new FieldViolation("applications",
					(row.decision().noticedAt() == null) ? "NOT_UNDER_NOTICE" : "NOTICE_OPEN",
					row.number() + " " + row.title()))
			.toList();
		if (!unnoticed.isEmpty()) {
			throw new DomainException(409, "NOTICE_NOT_CLOSED", unnoticed,
					unnoticed.size() + " approvals have not stood through a closed approval notice", unnoticed.size())
				.detailKey("error.NOTICE_NOT_CLOSED.approvals");
		}
		Map<UUID, GuideView> guides = this.guides.findAll(rows.stream().map(Approvals.Row::guideId).toList());
		// One collation key per name, not a collation per comparison: a national list has
		// 15,000 rows but a few hundred enterprises and guides.
		Collator pinyin = Collator.getInstance(Locale.CHINA);
		Map<String, CollationKey> keys = new HashMap<>();
		Function<String, CollationKey> key = name -> keys.computeIfAbsent(name, pinyin::getCollationKey);
		List<Approvals.Row> approved = rows.stream()
			.filter(row -> row.decision().approved())
			.sorted(Comparator.comparing((Approvals.Row row) -> !row.decision().key())
				.thenComparing(row -> key.apply(row.enterpriseName()))
				.thenComparing(Approvals.Row::enterpriseId)
				.thenComparing(row -> key.apply(row.guideTitle()))
				.thenComparing(Approvals.Row::guideId)
				.thenComparing(Approvals.Row::number))
			.toList();
		String prefix = prefix(batch);
		int sequence = approved.isEmpty() ? 0 : this.projects.reserveNumbers(prefix, approved.size()) - 1;
		List<NewProject> opened = new ArrayList<>();
		for (Approvals.Row row : approved) {
			sequence++;
			GuideView guide = guides.get(row.guideId());
			opened.add(new NewProject(number(prefix, sequence), prefix, sequence, batchId, row.applicationId(),
					row.number(), row.guideId(), row.guideTitle(), row.enterpriseId(), row.enterpriseName(),
					row.universityId(), row.universityName(), row.leaderId(), row.leaderName(), row.title(), row.type(),
					guide.cashPerProject(), guide.hardwareSoftwarePerProject(), row.decision().key()));
		}
		Map<UUID, String> rejected = new LinkedHashMap<>();
		rows.stream()
			.filter(row -> !row.decision().approved())
			.forEach(row -> rejected.put(row.applicationId(), row.decision().reason()));
		List<ProjectView> projects = this.projects.open(opened);
		this.applications.decide(approved.stream().map(Approvals.Row::applicationId).toList(), rejected);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("""
				UPDATE approval_decisions SET published_at = :at, version = version + 1
				WHERE batch_id = :batch AND published_at IS NULL""").param("at", now).param("batch", batchId).update();
		this.jdbc.sql("""
				UPDATE approval_rounds SET last_published_at = :at, published_count = published_count + :count
				WHERE batch_id = :batch""")
			.param("at", now)
			.param("count", projects.size())
			.param("batch", batchId)
			.update();
		this.audit.record(AuditEvent.of("APPROVALS_PUBLISHED", "Batch", batchId)
			.after(projects.size() + " projects"
					+ (projects.isEmpty() ? "" : " (" + projects.get(0).number() + " to "
							+ projects.get(projects.size() - 1).number() + ")")
					+ ", " + rejected.size() + " rejected"));
		List<ProjectApproved> told = projects.stream()
			.map(project -> new ProjectApproved(project.id(), project.number(), project.applicationId(), batchId,
					project.leaderId(), project.universityId(), project.enterpriseId(), project.title(), project.key()))
			.toList();
		List<ApplicationRejectedAtApproval> refused = rows.stream()
			.filter(row -> !row.decision().approved())
			.map(row -> new ApplicationRejectedAtApproval(row.applicationId(), batchId, row.leaderId(),
					row.universityId(), row.enterpriseId(), row.title(), row.decision().reason()))
			.toList();
		publishInParts(batchId, told, refused);
		return new Result(batchId, projects.size(), rejected.size(), projects);
	}

	/**
	 * The decisions as events of at most {@link ApprovalListPublished#MAX_ITEMS} items.
	 */
	private void publishInParts(UUID batchId, List<ProjectApproved> approved,
			List<ApplicationRejectedAtApproval> rejected) {
		int max = ApprovalListPublished.MAX_ITEMS;
		for (int from = 0; from < approved.size(); from += max) {
			this.events.publishEvent(new ApprovalListPublished(batchId,
					List.copyOf(approved.subList(from, Math.min(approved.size(), from + max))), List.of()));
		}
		for (int from = 0; from < rejected.size(); from += max) {
			this.events.publishEvent(new ApprovalListPublished(batchId, List.of(),
					List.copyOf(rejected.subList(from, Math.min(rejected.size(), from + max)))));
		}
	}

	/** What a batch's project numbers begin with: {@code <year>-<province>}. */
	static String prefix(BatchView batch) {
		return batch.year() + "-" + batch.provinceCode();
	}

	/** A project's number: {@code <prefix>-<4 digits>} (more digits past 9999). */
	static String number(String prefix, int sequence) {
		return String.format(Locale.ROOT, "%s-%04d", prefix, sequence);
	}

}
