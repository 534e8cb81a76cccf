package org.xietong.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.accounts.CurrentUser;
import org.xietong.notifications.MailPreferences;
import org.xietong.notifications.NotificationPreferences;
import org.xietong.shared.DomainException;

@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@Tag(name = "Notifications")
class NotificationPreferencesApiController {

	private final NotificationPreferences preferences;

	NotificationPreferencesApiController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "The signed-in user's e-mail choices: language (zh-CN, en, or null for both) "
			+ "and the daily digest")
	MailPreferences get(@AuthenticationPrincipal CurrentUser user) {
		return this.preferences.get(user.id());
	}

	@PutMapping
	@Operation(summary = "Replace the signed-in user's e-mail choices; the in-app inbox is not affected")
	MailPreferences put(@AuthenticationPrincipal CurrentUser user, @RequestBody PreferencesBody body) {
		if (body.dailyDigest() == null) {
			throw DomainException.invalid("dailyDigest", "REQUIRED", "dailyDigest is true or false");
		}
		return this.preferences.set(user.id(), body.mailLanguage(), body.dailyDigest());
	}

	record PreferencesBody(String mailLanguage, Boolean dailyDigest) {
	}

}
