package org.xietong.notifications;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each user's e-mail choices, through the API and the inbox page: always the signed-in
 * user's own, checked before anything changes, audited.
 */
@PlatformTest
class NotificationPreferencesTests {

	private static final String PATH = "/api/v1/me/notification-preferences";

	@LocalServerPort
	int port;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void aUserWhoChoseNothingCanChooseEnglishAndTheDigestAndTheChangeIsAudited() {
		String username = register();
		String token = this.api.token(username, "Secret#2024");
		Response before = this.api.get(PATH, token);
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.json().get("mailLanguage").isNull()).isTrue();
		assertThat(before.json().get("dailyDigest").asBoolean()).isFalse();

		Response saved = this.api.put(PATH, token, Map.of("mailLanguage", "en", "dailyDigest", true));

		assertThat(saved.status()).isEqualTo(200);
		Response after = this.api.get(PATH, token);
		assertThat(after.json().get("mailLanguage").asString()).isEqualTo("en");
		assertThat(after.json().get("dailyDigest").asBoolean()).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT before_summary || ' -> ' || after_summary FROM audit_entries
				WHERE action = 'NOTIFICATION_PREFERENCES_CHANGED' AND subject_id = :user AND actor = :actor""")
			.param("user", userId(username).toString())
			.param("actor", username)
			.query(String.class)
			.single()).isEqualTo("mailLanguage=none, dailyDigest=false -> mailLanguage=en, dailyDigest=true");
	}

	@Test
	void anUnknownLanguageIsRefusedWithItsCodeAndChangesNothing() {
		String username = register();
		String token = this.api.token(username, "Secret#2024");
		this.api.put(PATH, token, Map.of("mailLanguage", "zh-CN", "dailyDigest", true));

		Response refused = this.api.put(PATH, token, Map.of("mailLanguage", "fr", "dailyDigest", false));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("mailLanguage");
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_LANGUAGE");
		assertThat(this.preferences.get(userId(username))).isEqualTo(new MailPreferences("zh-CN", true));
	}

	@Test
	void eachUserReadsAndChangesOnlyTheirOwnChoices() {
		String first = register();
		String second = register();
		String firstToken = this.api.token(first, "Secret#2024");
		String secondToken = this.api.token(second, "Secret#2024");
		this.api.put(PATH, firstToken, Map.of("mailLanguage", "en", "dailyDigest", true));

		Response seenBySecond = this.api.get(PATH + "?userId=" + userId(first), secondToken);
		Map<String, Object> change = new HashMap<>();
		change.put("mailLanguage", "zh-CN");
		change.put("dailyDigest", false);
		change.put("userId", userId(first).toString());
		Response changedBySecond = this.api.put(PATH + "?userId=" + userId(first), secondToken, change);

		assertThat(seenBySecond.json().get("mailLanguage").isNull()).isTrue();
		assertThat(seenBySecond.json().get("dailyDigest").asBoolean()).isFalse();
		assertThat(changedBySecond.status()).isEqualTo(200);
		assertThat(this.preferences.get(userId(second))).isEqualTo(new MailPreferences("zh-CN", false));
		assertThat(this.preferences.get(userId(first))).isEqualTo(new MailPreferences("en", true));
		assertThat(this.api.get(PATH, null).status()).isEqualTo(401);
	}

	@Test
	void theInboxPageFormSavesTheChoicesAndSaysSo() {
		String username = register();
		PageSession browser = new PageSession(this.port);
		browser.signIn(username, "Secret#2024");
		assertThat(browser.get("/inbox").body()).contains("data-testid=\"mail-preferences\"").contains("跟随平台");

		Response saved = browser.post("/inbox/preferences", "/inbox",
				Map.of("mailLanguage", "en", "dailyDigest", "true"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/inbox");
		assertThat(this.preferences.get(userId(username))).isEqualTo(new MailPreferences("en", true));
		String page = browser.get("/inbox").body();
		assertThat(page).contains("data-testid=\"notice\">已保存").contains("<option value=\"en\" selected>");

		browser.post("/inbox/preferences", "/inbox", Map.of("mailLanguage", ""));
		assertThat(this.preferences.get(userId(username))).isEqualTo(MailPreferences.NONE);
	}

	private String register() {
		String username = Samples.unique("prefs");
		this.api.post("/api/v1/enterprises", null, Samples.registration(username, LocalDate.of(2015, 1, 1)));
		return username;
	}

	private UUID userId(String username) {
		return this.jdbc.sql("SELECT id FROM users WHERE username = :username")
			.param("username", username)
			.query(UUID.class)
			.single();
	}

}
