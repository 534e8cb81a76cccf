package org.xietong.guides;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What guides ask of people now: an enterprise's drafts and returned guides before the
 * guide window closes; the department's submitted guides to review.
 */
@Component
class GuideTasks implements TaskSource {

	private final JdbcClient jdbc;

	private final BatchManagement batches;

	private final Clock clock;

	GuideTasks(JdbcClient jdbc, BatchManagement batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		return switch (actor.roleName()) {
			case "ENTERPRISE_CONTACT" -> enterprise(actor.organizationId());
			case "DEPARTMENT_OFFICER" -> department();
			default -> List.of();
		};
	}

	private List<Task> enterprise(UUID enterpriseId) {
		record Waiting(UUID batchId, long count) {
		}
		List<Waiting> waiting = this.jdbc
			.sql("""
					SELECT batch_id, COUNT(*) FROM guides WHERE enterprise_id = :enterprise AND status IN ('DRAFT', 'RETURNED')
					GROUP BY batch_id""")
			.param("enterprise", enterpriseId)
			.query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		Instant now = this.clock.instant();
		List<Task> tasks = new ArrayList<>();
		for (Waiting batchWaiting : waiting) {
			this.batches.find(batchWaiting.batchId())
				.filter(batch -> !now.isAfter(batch.schedule().guideSubmissionCloses()))
				.ifPresent(batch -> tasks.add(new Task("GUIDES_TO_SUBMIT", "task.guides.submit",
						List.of(Long.toString(batchWaiting.count()), batch.title()),
						"/batches/" + batch.id() + "/guides", batch.schedule().guideSubmissionCloses(),
						batchWaiting.count())));
		}
		return tasks;
	}

	private List<Task> department() {
		long submitted = this.jdbc.sql("SELECT COUNT(*) FROM guides WHERE status = 'SUBMITTED'")
			.query(Long.class)
			.single();
		if (submitted == 0) {
			return List.of();
		}
		return List.of(new Task("GUIDES_TO_REVIEW", "task.guides.review", List.of(Long.toString(submitted)),
				"/guides/review?status=SUBMITTED", null, submitted));
	}

}
