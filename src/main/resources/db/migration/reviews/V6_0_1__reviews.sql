-- How an enterprise reviews the applications to one of its guides: how many experts score each, by when,
-- the margin beyond which the experts disagree, how many applications one expert scores at most.
CREATE TABLE review_plans (
	guide_id UUID NOT NULL PRIMARY KEY REFERENCES guides (id),
	batch_id UUID NOT NULL REFERENCES batches (id),
	enterprise_id UUID NOT NULL REFERENCES organizations (id),
	experts_per_application INT NOT NULL,
	scoring_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
	disagreement_margin NUMERIC(6, 2) NOT NULL,
	max_per_expert INT NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL,
	CONSTRAINT review_plans_experts_ck CHECK (experts_per_application BETWEEN 1 AND 15),
	CONSTRAINT review_plans_cap_ck CHECK (max_per_expert >= 1)
);

-- The criteria of a plan, in order; their weights sum to 100.
CREATE TABLE review_criteria (
	guide_id UUID NOT NULL REFERENCES review_plans (guide_id) ON DELETE CASCADE,
	criterion_index INT NOT NULL,
	name VARCHAR(50) NOT NULL,
	weight NUMERIC(6, 2) NOT NULL,
	max_score NUMERIC(6, 2) NOT NULL,
	PRIMARY KEY (guide_id, criterion_index)
);

-- The statuses of an assignment (ReviewAssignmentStatus).
CREATE TABLE review_assignment_statuses (
	code VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO review_assignment_statuses (code) VALUES ('ASSIGNED'), ('ACCEPTED'), ('DECLINED'), ('SUBMITTED');

-- One expert scoring one application. An expert is assigned to an application once.
CREATE TABLE review_assignments (
	id UUID NOT NULL PRIMARY KEY,
	application_id UUID NOT NULL REFERENCES applications (id),
	guide_id UUID NOT NULL REFERENCES guides (id),
	batch_id UUID NOT NULL REFERENCES batches (id),
	enterprise_id UUID NOT NULL REFERENCES organizations (id),
	expert_id UUID NOT NULL REFERENCES users (id),
	status VARCHAR(16) NOT NULL REFERENCES review_assignment_statuses (code),
	decline_reason VARCHAR(2000),
	no_conflict_confirmed_at TIMESTAMP WITH TIME ZONE,
	comment TEXT,
	assigned_by VARCHAR(64) NOT NULL,
	assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
	submitted_at TIMESTAMP WITH TIME ZONE,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL,
	CONSTRAINT review_assignments_once UNIQUE (application_id, expert_id)
);
CREATE INDEX review_assignments_expert_idx ON review_assignments (expert_id, status);
CREATE INDEX review_assignments_guide_idx ON review_assignments (guide_id, application_id);
CREATE INDEX review_assignments_batch_idx ON review_assignments (batch_id, expert_id);

-- An expert's scores of an assignment, criterion by criterion (a draft until the assignment is submitted).
CREATE TABLE review_scores (
	assignment_id UUID NOT NULL REFERENCES review_assignments (id) ON DELETE CASCADE,
	criterion VARCHAR(50) NOT NULL,
	score NUMERIC(6, 2) NOT NULL,
	PRIMARY KEY (assignment_id, criterion)
);

-- Conflicts the enterprise adds by hand: the expert never scores the application.
CREATE TABLE review_conflicts (
	id UUID NOT NULL PRIMARY KEY,
	application_id UUID NOT NULL REFERENCES applications (id),
	expert_id UUID NOT NULL REFERENCES users (id),
	reason VARCHAR(2000) NOT NULL,
	added_by VARCHAR(64) NOT NULL,
	added_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT review_conflicts_once UNIQUE (application_id, expert_id)
);

-- The enterprise's selection for a guide: its state (OPEN to redo, DONE) and why it departs from the ranking.
CREATE TABLE review_selections (
	guide_id UUID NOT NULL PRIMARY KEY REFERENCES guides (id),
	batch_id UUID NOT NULL REFERENCES batches (id),
	enterprise_id UUID NOT NULL REFERENCES organizations (id),
	state VARCHAR(8) NOT NULL,
	reason TEXT,
	reopened_reason TEXT,
	selected_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL
);
CREATE TABLE review_selected (
	guide_id UUID NOT NULL REFERENCES review_selections (guide_id) ON DELETE CASCADE,
	application_id UUID NOT NULL REFERENCES applications (id),
	rank_at_selection INT NOT NULL,
	PRIMARY KEY (guide_id, application_id)
);

-- Applications an upheld objection took out of a guide's result: never selected again for it.
CREATE TABLE review_upheld_objections (
	application_id UUID NOT NULL PRIMARY KEY REFERENCES applications (id),
	guide_id UUID NOT NULL REFERENCES guides (id),
	response TEXT NOT NULL,
	upheld_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Scoring reminders already sent, so that each goes out once.
CREATE TABLE review_reminders (
	assignment_id UUID NOT NULL REFERENCES review_assignments (id) ON DELETE CASCADE,
	reminder VARCHAR(16) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (assignment_id, reminder)
);
