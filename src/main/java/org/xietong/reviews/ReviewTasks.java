package org.xietong.reviews;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What a review asks of people now: an expert's assignments to accept and score before
 * the deadline; an enterprise's endorsed applications that still wait for experts, its
 * guides whose scores are all in (select), whose selection waits for its result notice,
 * whose result notice has closed (recommend), and its selections sent back by an upheld
 * objection. The enterprise's steps are due when the batch's review closes.
 */
@Component
class ReviewTasks implements TaskSource {

	/**
	 * A guide not yet selected whose applications under review each have a score and no
	 * expert still to score, and none waits for an expert.
	 */
	private static final String ALL_SCORED = """
			NOT EXISTS (SELECT 1 FROM review_selections s WHERE s.guide_id = g.id)
			AND EXISTS (SELECT 1 FROM applications a WHERE a.guide_id = g.id AND a.status = 'UNDER_REVIEW')
			AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.guide_id = g.id AND a.status = 'ENDORSED')
			AND NOT EXISTS (SELECT 1 FROM review_assignments r WHERE r.guide_id = g.id
			  AND r.status IN ('ASSIGNED', 'ACCEPTED'))
			AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.guide_id = g.id AND a.status = 'UNDER_REVIEW'
			  AND NOT EXISTS (SELECT 1 FROM review_assignments r WHERE r.application_id = a.id
			    AND r.status = 'SUBMITTED'))""";

	private final JdbcClient jdbc;

	ReviewTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		return switch (actor.roleName()) {
			case "EXPERT" -> expert(userId);
			case "ENTERPRISE_CONTACT" -> enterprise(actor.organizationId());
			default -> List.of();
		};
	}

	private List<Task> expert(UUID expertId) {
		return this.jdbc.sql("""
				SELECT a.id, ap.title, p.scoring_deadline FROM review_assignments a
				JOIN applications ap ON ap.id = a.application_id JOIN review_plans p ON p.guide_id = a.guide_id
				WHERE a.expert_id = :expert AND a.status IN ('ASSIGNED', 'ACCEPTED') ORDER BY p.scoring_deadline""")
			.param("expert", expertId)
			.query((rs, n) -> new Task("REVIEW_TO_SCORE", "task.review.score", List.of(rs.getString(2)),
					"/expert/assignments/" + rs.getObject(1, UUID.class),
					rs.getObject(3, OffsetDateTime.class).toInstant(), 1))
			.list();
	}

	private List<Task> enterprise(UUID enterpriseId) {
		List<Task> tasks = new ArrayList<>();
		this.jdbc.sql("""
				SELECT s.guide_id, g.title FROM review_selections s JOIN guides g ON g.id = s.guide_id
				WHERE s.enterprise_id = :enterprise AND s.state = 'REOPENED'""")
			.param("enterprise", enterpriseId)
			.query((rs,
					n) -> tasks.add(new Task("SELECTION_REOPENED", "task.review.reopened", List.of(rs.getString(2)),
							"/enterprise/reviews/" + rs.getObject(1, UUID.class), null, 1)))
			.list();
		this.jdbc.sql("""
				SELECT a.guide_id, a.guide_title, COUNT(*), MIN(p.scoring_deadline) FROM applications a
				LEFT JOIN review_plans p ON p.guide_id = a.guide_id
				WHERE a.enterprise_id = :enterprise AND a.status = 'ENDORSED' GROUP BY a.guide_id, a.guide_title""")
			.param("enterprise", enterpriseId)
			.query((rs, n) -> {
				OffsetDateTime deadline = rs.getObject(4, OffsetDateTime.class);
				return tasks.add(new Task("REVIEW_TO_ASSIGN", "task.review.assign",
						List.of(rs.getString(2), Long.toString(rs.getLong(3))),
						"/enterprise/reviews/" + rs.getObject(1, UUID.class),
						(deadline == null) ? null : deadline.toInstant(), rs.getLong(3)));
			})
			.list();
		tasks.addAll(guides(enterpriseId, ALL_SCORED, "REVIEW_TO_SELECT", "task.review.select"));
		tasks.addAll(guides(enterpriseId,
				"EXISTS (SELECT 1 FROM review_selections s WHERE s.guide_id = g.id AND s.state = 'OPEN')",
				"REVIEW_TO_NOTICE", "task.review.notice"));
		tasks.addAll(guides(enterpriseId, """
				EXISTS (SELECT 1 FROM review_selections s WHERE s.guide_id = g.id AND s.state = 'CLOSED')
				AND EXISTS (SELECT 1 FROM applications a WHERE a.guide_id = g.id AND a.status = 'SELECTED')""",
				"REVIEW_TO_RECOMMEND", "task.review.recommend"));
		return tasks;
	}

	/** The enterprise's guides that meet {@code condition}, one task each. */
	private List<Task> guides(UUID enterpriseId, String condition, String kind, String key) {
		return this.jdbc.sql("""
				SELECT g.id, g.title, b.review_closes FROM guides g JOIN batches b ON b.id = g.batch_id
				WHERE g.enterprise_id = :enterprise\s""" + "AND " + condition + " ORDER BY b.review_closes, g.title")
			.param("enterprise", enterpriseId)
			.query((rs, n) -> new Task(kind, key, List.of(rs.getString(2)),
					"/enterprise/reviews/" + rs.getObject(1, UUID.class),
					rs.getObject(3, OffsetDateTime.class).toInstant(), 1))
			.list();
	}

}
