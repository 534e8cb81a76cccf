package org.xietong.reviews;

import java.util.List;

import org.xietong.applications.ApplicationView;

/** What an expert sees to score: its assignment, the criteria and the application. */
public record ReviewSheet(AssignmentView assignment, List<Criterion> criteria, ApplicationView application) {
}
