package org.xietong.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.CurrentUser;

@RestController
@Tag(name = "Me")
class TasksApiController {

	private final MyTasks tasks;

	TasksApiController(MyTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/api/v1/me/tasks")
	@Operation(summary = "What waits on the caller now, soonest deadline first: kind, title (in the caller's "
			+ "language), link, deadline, count")
	List<MyTasks.Item> tasks(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
		return this.tasks.of(user, RequestContextUtils.getLocale(request));
	}

}
