package org.xietong.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchPhase;
import org.xietong.batches.BatchView;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What applications ask of people now: a teacher's drafts and returned applications
 * before the window closes, and an open window in which the teacher has not applied; a
 * university's submitted applications awaiting endorsement before the review closes.
 */
@Component
class ApplicationTasks implements TaskSource {

	private final JdbcClient jdbc;

	private final BatchManagement batches;

	private final Clock clock;

	ApplicationTasks(JdbcClient jdbc, BatchManagement batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		return switch (actor.roleName()) {
			case "TEACHER" -> teacher(userId);
			case "UNIVERSITY_ADMIN" -> university(actor.organizationId());
			default -> List.of();
		};
	}

	private List<Task> teacher(UUID teacherId) {
		List<Task> tasks = new ArrayList<>(toApply(teacherId));
		tasks.addAll(drafts(teacherId));
		return tasks;
	}

	/**
	 * The batches whose application window is open now and in which the teacher has no
	 * application (a withdrawn one does not count): apply before the window closes.
	 */
	private List<Task> toApply(UUID teacherId) {
		Instant now = this.clock.instant();
		List<UUID> applied = this.jdbc
			.sql("SELECT DISTINCT batch_id FROM applications WHERE leader_id = :leader AND status <> 'WITHDRAWN'")
			.param("leader", teacherId)
			.query(UUID.class)
			.list();
		return this.batches.all()
			.stream()
			.filter(batch -> batch.phaseAt(now) == BatchPhase.APPLICATION && !applied.contains(batch.id()))
			.map(batch -> new Task("APPLICATION_TO_APPLY", "task.application.apply", List.of(batch.title()),
					"/catalogue?batchId=" + batch.id(), batch.schedule().applicationCloses(), 1))
			.toList();
	}

	private List<Task> drafts(UUID teacherId) {
		record Open(UUID id, UUID batchId, String title, String guideTitle, String status) {
		}
		List<Open> open = this.jdbc.sql("""
				SELECT id, batch_id, title, guide_title, status FROM applications
				WHERE leader_id = :leader AND status IN ('DRAFT', 'RETURNED') ORDER BY created_at""")
			.param("leader", teacherId)
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
		Instant now = this.clock.instant();
		List<Task> tasks = new ArrayList<>();
		for (Open application : open) {
			BatchView batch = this.batches.find(application.batchId()).orElse(null);
			if (batch == null || now.isAfter(batch.schedule().applicationCloses())) {
				continue;
			}
			boolean returned = application.status().equals("RETURNED");
			String name = application.title().isBlank() ? application.guideTitle() : application.title();
			tasks.add(new Task(returned ? "APPLICATION_RETURNED" : "APPLICATION_DRAFT",
					returned ? "task.application.returned" : "task.application.draft", List.of(name),
					"/applications/" + application.id() + "/edit", batch.schedule().applicationCloses(), 1));
		}
		return tasks;
	}

	private List<Task> university(UUID universityId) {
		record Waiting(UUID batchId, long count) {
		}
		List<Waiting> waiting = this.jdbc.sql("""
				SELECT batch_id, COUNT(*) FROM applications WHERE university_id = :university AND status = 'SUBMITTED'
				GROUP BY batch_id""")
			.param("university", universityId)
			.query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		List<Task> tasks = new ArrayList<>();
		for (Waiting batchWaiting : waiting) {
			this.batches.find(batchWaiting.batchId())
				.ifPresent(batch -> tasks.add(new Task("APPLICATION_ENDORSE", "task.application.endorse",
						List.of(Long.toString(batchWaiting.count()), batch.title()),
						"/university/applications?batchId=" + batch.id() + "&status=SUBMITTED",
						batch.schedule().reviewCloses(), batchWaiting.count())));
		}
		return tasks;
	}

}
