package org.xietong.notifications.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.notifications.Inbox;
import org.xietong.notifications.InboxMessage;
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "Notifications")
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The signed-in user's in-app messages, newest first")
	PageResult<InboxMessage> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.inbox.messages(user.id(), unread, page, size);
	}

	@PostMapping("/{id}/read")
	ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.inbox.markRead(user.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("marked", this.inbox.markAllRead(user.id()));
	}

}
