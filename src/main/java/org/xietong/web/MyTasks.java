package org.xietong.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * Every module's tasks for the signed-in user, soonest deadline first, in its language.
 */
@Component
public class MyTasks {

	private final List<TaskSource> sources;

	private final MessageSource messages;

	MyTasks(List<TaskSource> sources, MessageSource messages) {
		this.sources = sources;
		this.messages = messages;
	}

	/** The user's tasks, each with its text in {@code locale}. */
	public List<Item> of(CurrentUser user, Locale locale) {
		List<Task> tasks = new ArrayList<>();
		for (TaskSource source : this.sources) {
			tasks.addAll(source.tasksFor(user.id(), user));
		}
		tasks.sort(Comparator.comparing(Task::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Task::kind));
		return tasks.stream()
			.map(task -> new Item(task.kind(),
					this.messages.getMessage(task.messageKey(), task.arguments().toArray(), task.messageKey(), locale),
					task.link(), task.deadline(), task.count()))
			.toList();
	}

	/**
	 * A task as the API and the home page show it.
	 *
	 * @param kind the kind of task, e.g. {@code APPLICATION_DRAFT}
	 * @param title what to do, in the reader's language
	 * @param link where to do it
	 * @param deadline by when, or {@code null}
	 * @param count how many items it covers
	 */
	public record Item(String kind, String title, String link, Instant deadline, long count) {
	}

}
