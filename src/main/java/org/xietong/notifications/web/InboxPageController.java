package org.xietong.notifications.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.notifications.Inbox;
import org.xietong.notifications.MailDigests;
import org.xietong.notifications.NotificationPreferences;

/**
 * The inbox page with the user's e-mail choices, and the unread count the layout shows
 * next to it.
 */
@Controller
class InboxPageController {

	private final Inbox inbox;

	private final NotificationPreferences preferences;

	private final MailDigests digests;

	private final DateTimeFormatter time;

	InboxPageController(Inbox inbox, NotificationPreferences preferences, MailDigests digests, Clock clock) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.digests = digests;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
	}

	@GetMapping("/inbox")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("unread", unread);
		model.addAttribute("result", this.inbox.messages(user.id(), unread, Math.max(page, 0), 30));
		model.addAttribute("time", this.time);
		model.addAttribute("preferences", this.preferences.get(user.id()));
		model.addAttribute("digestTime", this.digests.sendsAt().map(Object::toString).orElse(null));
		return "notifications/inbox";
	}

	@PostMapping("/inbox/preferences")
	String savePreferences(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String mailLanguage,
			@RequestParam(defaultValue = "false") boolean dailyDigest, RedirectAttributes redirect) {
		this.preferences.set(user.id(), mailLanguage, dailyDigest);
		redirect.addFlashAttribute("notice", "mail.preferences.saved");
		return "redirect:/inbox";
	}

	@GetMapping(path = "/inbox/badge", produces = "text/html")
	@ResponseBody
	String badge(@AuthenticationPrincipal CurrentUser user) {
		long count = this.inbox.unreadCount(user.id());
		return (count == 0) ? "" : "<span class=\"badge\" data-testid=\"unread\">" + count + "</span>";
	}

	@PostMapping("/inbox/{id}/read")
	String read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		this.inbox.markRead(user.id(), id);
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user) {
		this.inbox.markAllRead(user.id());
		return "redirect:/inbox";
	}

}
