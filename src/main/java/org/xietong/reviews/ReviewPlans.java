package org.xietong.reviews;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideStatus;
import org.xietong.guides.GuideView;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * The review plans of an enterprise's published guides. The criteria can no longer change
 * once an expert has submitted scores under them.
 */
@Service
public class ReviewPlans {

	static final BigDecimal HUNDRED = new BigDecimal("100");

	static final BigDecimal DEFAULT_MARGIN = new BigDecimal("20");

	static final int DEFAULT_MAX_PER_EXPERT = 30;

	private final JdbcClient jdbc;

	private final GuideCatalogue guides;

	private final BatchManagement batches;

	private final AuditTrail audit;

	private final Clock clock;

	ReviewPlans(JdbcClient jdbc, GuideCatalogue guides, BatchManagement batches, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.guides = guides;
		this.batches = batches;
		this.audit = audit;
		this.clock = clock;
	}

	/** A request for a plan; omitted settings take the batch's defaults. */
	public record PlanRequest(List<Criterion> criteria, Integer expertsPerApplication, Instant scoringDeadline,
			BigDecimal disagreementMargin, Integer maxPerExpert, Long version) {
	}

	/** Sets the plan of one guide of the enterprise. */
	@Transactional
	public ReviewPlan put(UUID guideId, CurrentUser user, PlanRequest request) {
		GuideView guide = ownGuide(guideId, user);
		return save(guide, request);
	}

	/** Sets the same plan on every published guide of the enterprise in the batch. */
	@Transactional
	public List<ReviewPlan> putForBatch(UUID batchId, CurrentUser user, PlanRequest request) {
		ReviewAccess.requireEnterprise(user);
		List<GuideView> published = new ArrayList<>();
		this.guides.forEach(org.xietong.guides.GuideQuery.own(user.organizationId()), guide -> {
			if (guide.batchId().equals(batchId) && guide.status() == GuideStatus.PUBLISHED) {
				published.add(guide);
			}
		});
		if (published.isEmpty()) {
			throw DomainException.notFound("guide");
		}
		PlanRequest unversioned = new PlanRequest(request.criteria(), request.expertsPerApplication(),
				request.scoringDeadline(), request.disagreementMargin(), request.maxPerExpert(), null);
		return published.stream().map(guide -> save(guide, unversioned)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ReviewPlan> find(UUID guideId) {
		Optional<ReviewPlan> plan = this.jdbc.sql("SELECT * FROM review_plans WHERE guide_id = :guide")
			.param("guide", guideId)
			.query((rs, n) -> new ReviewPlan(rs.getObject("guide_id", UUID.class), rs.getObject("batch_id", UUID.class),
					rs.getObject("enterprise_id", UUID.class), List.of(), rs.getInt("experts_per_application"),
					rs.getObject("scoring_deadline", OffsetDateTime.class).toInstant(),
					rs.getBigDecimal("disagreement_margin"), rs.getInt("max_per_expert"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version")))
			.optional();
		return plan.map(p -> new ReviewPlan(p.guideId(), p.batchId(), p.enterpriseId(), criteria(guideId),
				p.expertsPerApplication(), p.scoringDeadline(), p.disagreementMargin(), p.maxPerExpert(), p.updatedAt(),
				p.version()));
	}

	/** The plan of a guide of the enterprise; 404 for another's guide or none yet. */
	@Transactional(readOnly = true)
	public ReviewPlan get(UUID guideId, CurrentUser user) {
		ownGuide(guideId, user);
		return find(guideId).orElseThrow(() -> DomainException.notFound("review plan"));
	}

	/** The plan a guide's review needs; refused while there is none. */
	ReviewPlan required(UUID guideId) {
		return find(guideId).orElseThrow(() -> new DomainException(409, "REVIEW_PLAN_MISSING",
				"set the guide's review plan (criteria and weights) first"));
	}

	private ReviewPlan save(GuideView guide, PlanRequest request) {
		BatchView batch = this.batches.find(guide.batchId()).orElseThrow();
		List<FieldViolation> violations = new ArrayList<>();
		List<Criterion> criteria = checkCriteria(request.criteria(), violations);
		int experts = (request.expertsPerApplication() != null) ? request.expertsPerApplication()
				: batch.rules().expertsPerApplication();
		if (experts < 1 || experts > 15) {
			violations.add(new FieldViolation("expertsPerApplication", "EXPERTS_RANGE", "from 1 to 15"));
		}
		Instant deadline = (request.scoringDeadline() != null) ? request.scoringDeadline()
				: batch.schedule().reviewCloses();
		BigDecimal margin = (request.disagreementMargin() != null) ? request.disagreementMargin() : DEFAULT_MARGIN;
		if (margin.signum() < 0 || margin.compareTo(HUNDRED) > 0) {
			violations.add(new FieldViolation("disagreementMargin", "MARGIN_RANGE", "from 0 to 100 points"));
		}
		int cap = (request.maxPerExpert() != null) ? request.maxPerExpert() : DEFAULT_MAX_PER_EXPERT;
		if (cap < 1 || cap > 1000) {
			violations.add(new FieldViolation("maxPerExpert", "CAP_RANGE", "from 1 to 1000"));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		Optional<ReviewPlan> current = find(guide.id());
		if (current.isPresent() && request.version() != null && request.version() != current.get().version()) {
			throw new DomainException(409, "VERSION_CONFLICT", "the plan changed since version " + request.version());
		}
		if (current.isPresent() && !current.get().criteria().equals(criteria) && anySubmitted(guide.id())) {
			throw new DomainException(409, "PLAN_LOCKED",
					"experts have submitted scores under these criteria; they can no longer change");
		}
		Instant now = this.clock.instant();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		if (current.isEmpty()) {
			this.jdbc
				.sql("""
						INSERT INTO review_plans (guide_id, batch_id, enterprise_id, experts_per_application, scoring_deadline,
						  disagreement_margin, max_per_expert, updated_at, version)
						VALUES (:guide, :batch, :enterprise, :experts, :deadline, :margin, :cap, :at, 0)""")
				.param("guide", guide.id())
				.param("batch", guide.batchId())
				.param("enterprise", guide.enterpriseId())
				.param("experts", experts)
				.param("deadline", OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC))
				.param("margin", margin)
				.param("cap", cap)
				.param("at", at)
				.update();
		}
		else {
			this.jdbc.sql("""
					UPDATE review_plans SET experts_per_application = :experts, scoring_deadline = :deadline,
					  disagreement_margin = :margin, max_per_expert = :cap, updated_at = :at, version = version + 1
					WHERE guide_id = :guide""")
				.param("guide", guide.id())
				.param("experts", experts)
				.param("deadline", OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC))
				.param("margin", margin)
				.param("cap", cap)
				.param("at", at)
				.update();
			this.jdbc.sql("DELETE FROM review_criteria WHERE guide_id = :guide").param("guide", guide.id()).update();
		}
		for (int i = 0; i < criteria.size(); i++) {
			Criterion criterion = criteria.get(i);
			this.jdbc.sql("""
					INSERT INTO review_criteria (guide_id, criterion_index, name, weight, max_score)
					VALUES (:guide, :index, :name, :weight, :max)""")
				.param("guide", guide.id())
				.param("index", i)
				.param("name", criterion.name())
				.param("weight", criterion.weight())
				.param("max", criterion.maxScore())
				.update();
		}
		ReviewPlan saved = find(guide.id()).orElseThrow();
		this.audit.record(
				AuditEvent.of(current.isEmpty() ? "REVIEW_PLAN_CREATED" : "REVIEW_PLAN_UPDATED", "Guide", guide.id())
					.after(describe(saved)));
		return saved;
	}

	private static String describe(ReviewPlan plan) {
		StringBuilder text = new StringBuilder();
		plan.criteria()
			.forEach(c -> text.append(c.name())
				.append(' ')
				.append(c.weight())
				.append("/")
				.append(c.maxScore())
				.append("; "));
		return text + "experts=" + plan.expertsPerApplication() + ", deadline=" + plan.scoringDeadline() + ", margin="
				+ plan.disagreementMargin() + ", maxPerExpert=" + plan.maxPerExpert();
	}

	private static List<Criterion> checkCriteria(List<Criterion> requested, List<FieldViolation> violations) {
		if (requested == null || requested.isEmpty()) {
			violations.add(new FieldViolation("criteria", "REQUIRED", "name at least one criterion"));
			return List.of();
		}
		if (requested.size() > 20) {
			violations.add(new FieldViolation("criteria", "TOO_MANY_CRITERIA", "at most 20 criteria"));
		}
		List<Criterion> criteria = new ArrayList<>();
		Set<String> names = new HashSet<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < requested.size(); i++) {
			Criterion criterion = requested.get(i);
			String prefix = "criteria[" + i + "].";
			String name = (criterion == null || criterion.name() == null) ? "" : criterion.name().strip();
			if (name.isEmpty() || name.length() > 50) {
				violations.add(new FieldViolation(prefix + "name", "REQUIRED", "a name of 1 to 50 characters"));
			}
			else if (!names.add(name)) {
				violations.add(new FieldViolation(prefix + "name", "DUPLICATE_CRITERION", "named twice"));
			}
			BigDecimal weight = (criterion == null) ? null : criterion.weight();
			if (weight == null || weight.signum() <= 0 || weight.scale() > 2) {
				violations.add(new FieldViolation(prefix + "weight", "WEIGHT_RANGE",
						"a positive weight with at most two decimals"));
			}
			else {
				sum = sum.add(weight);
			}
			BigDecimal max = (criterion == null) ? null : criterion.maxScore();
			if (max == null || max.signum() <= 0 || max.compareTo(new BigDecimal("1000")) > 0 || max.scale() > 2) {
				violations.add(new FieldViolation(prefix + "maxScore", "MAX_SCORE_RANGE", "from 0.01 to 1000"));
			}
			if (criterion != null && weight != null && max != null) {
				criteria.add(new Criterion(name, weight.stripTrailingZeros().setScale(2), max.setScale(2)));
			}
		}
		if (sum.compareTo(HUNDRED) != 0 && violations.stream().noneMatch(v -> v.code().equals("WEIGHT_RANGE"))) {
			violations
				.add(new FieldViolation("criteria", "WEIGHTS_NOT_100", "the weights sum to " + sum + ", not 100"));
		}
		return criteria;
	}

	private List<Criterion> criteria(UUID guideId) {
		return this.jdbc
			.sql("SELECT name, weight, max_score FROM review_criteria WHERE guide_id = :guide ORDER BY criterion_index")
			.param("guide", guideId)
			.query((rs, n) -> new Criterion(rs.getString(1), rs.getBigDecimal(2).setScale(2),
					rs.getBigDecimal(3).setScale(2)))
			.list();
	}

	private boolean anySubmitted(UUID guideId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM review_assignments WHERE guide_id = :guide AND status = 'SUBMITTED'")
			.param("guide", guideId)
			.query(Long.class)
			.single() > 0;
	}

	/** A published guide of the user's enterprise; another's is not found. */
	GuideView ownGuide(UUID guideId, CurrentUser user) {
		ReviewAccess.requireEnterprise(user);
		return this.guides.find(guideId)
			.filter(guide -> guide.enterpriseId().equals(user.organizationId()))
			.filter(guide -> guide.status() == GuideStatus.PUBLISHED)
			.orElseThrow(() -> DomainException.notFound("guide"));
	}

}
