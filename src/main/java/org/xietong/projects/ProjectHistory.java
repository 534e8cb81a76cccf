package org.xietong.projects;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's history, step by step, for its page and the API. */
@Service
public class ProjectHistory {

	private final ProjectRecords records;

	ProjectHistory(ProjectRecords records) {
		this.records = records;
	}

	/** Every step of the project, oldest first; the caller has checked the reader. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> of(UUID projectId) {
		return this.records.history(projectId);
	}

}
