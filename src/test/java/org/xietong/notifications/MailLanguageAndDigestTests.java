package org.xietong.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real SMTP conversation: mail in the language its reader chose, and the daily digest
 * that gathers held mail into one message, even while the server is down.
 */
@PlatformTest
@TestPropertySource(
		properties = { "spring.mail.host=localhost", "spring.mail.port=3025", "xietong.mail.dispatch-interval=PT1H" })
class MailLanguageAndDigestTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailDigests digests;

	@Autowired
	Inbox inbox;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aContactWhoChoseEnglishGetsTheDecisionInEnglishOnly() throws Exception {
		User contact = register();
		assertThat(this.api
			.put("/api/v1/me/notification-preferences", this.api.token(contact.username(), "Secret#2024"),
					Map.of("mailLanguage", "en", "dailyDigest", false))
			.status()).isEqualTo(200);

		this.api.post("/api/v1/enterprises/" + contact.enterpriseId() + "/return", this.api.token("dept"),
				Map.of("reason", "credit report out of date"));
		await().atMost(Duration.ofSeconds(10)).until(() -> count(contact, "PENDING") == 1);
		dispatchAllDue();

		MimeMessage mail = only(received(contact));
		assertThat(mail.getSubject())
			.startsWith("[Xietong] The department returned the registration of \"" + contact.enterpriseName());
		assertThat(body(mail)).contains("The department returned the registration of")
			.contains("credit report out of date")
			.contains("http://localhost:8080/enterprise")
			.contains("please do not reply")
			.doesNotContain("教育厅")
			.doesNotContain("【协同】")
			.doesNotContain("请勿回复");
	}

	@Test
	void aUserWhoChoseNothingGetsChineseThenEnglishAndOneWhoChoseChineseGetsChineseOnly() throws Exception {
		User undecided = register();
		User chinese = register();
		this.preferences.set(chinese.id(), "zh-CN", false);

		this.inbox.tell(undecided.id(), "inbox.GUIDE_PUBLISHED", "/guides/1", "智能网联汽车课程群建设");
		this.inbox.tell(chinese.id(), "inbox.GUIDE_PUBLISHED", "/guides/1", "智能网联汽车课程群建设");
		dispatchAllDue();

		MimeMessage both = only(received(undecided));
		assertThat(both.getSubject()).startsWith("【协同】项目指南“智能网联汽车课程群建设”公示期满");
		assertThat(body(both)).containsSubsequence("公示期满，已正式发布", "http://localhost:8080/guides/1",
				"is published after its notice", "请勿回复");
		MimeMessage chineseOnly = only(received(chinese));
		assertThat(chineseOnly.getSubject()).isEqualTo(both.getSubject());
		assertThat(body(chineseOnly)).contains("公示期满，已正式发布")
			.contains("http://localhost:8080/guides/1")
			.doesNotContain("is published after its notice")
			.doesNotContain("please do not reply");
	}

	@Test
	void aDigestUserGetsNothingUntilTheDigestThenOneMailListingEveryMessageOldestFirst() throws Exception {
		User reader = register();
		this.preferences.set(reader.id(), "en", true);
		tellThree(reader);

		assertThat(this.inbox.messages(reader.id(), true, 0, 10).total()).as("the inbox does not wait").isEqualTo(3);
		dispatchAllDue();
		assertThat(received(reader)).isEmpty();
		assertThat(count(reader, "HELD")).isEqualTo(3);

		assertThat(this.digests.sendDigests()).isGreaterThanOrEqualTo(1);
		assertThat(count(reader, "HELD")).isZero();
		assertThat(count(reader, "DIGESTED")).isEqualTo(3);
		dispatchAllDue();

		MimeMessage digest = only(received(reader));
		assertThat(digest.getSubject()).isEqualTo("[Xietong] Daily digest: 3 notifications");
		assertThat(body(digest))
			.containsSubsequence("1. ", "The department approved the guide \"Guide A\"",
					"http://localhost:8080/guides/a", "2. ",
					"The guide \"Guide B\" was returned; correct it and resubmit: add the teachers",
					"http://localhost:8080/guides/b", "3. ", "The guide \"Guide C\" is published",
					"http://localhost:8080/guides/c", "http://localhost:8080/inbox")
			.doesNotContain("教育厅");

		this.digests.sendDigests();
		dispatchAllDue();
		assertThat(received(reader)).as("a second digest sends nothing more").hasSize(1);
		assertThat(count(reader, "SENT")).isOne();
	}

	@Test
	void aDigestWrittenWhileTheServerIsDownGoesOutOnALaterDispatch() throws Exception {
		User reader = register();
		this.preferences.set(reader.id(), null, true);
		this.inbox.tell(reader.id(), "inbox.GUIDE_APPROVED", "/guides/a", "指南甲", "");
		this.inbox.tell(reader.id(), "inbox.GUIDE_PUBLISHED", "/guides/b", "指南乙", "");
		smtp.stop();

		this.digests.sendDigests();
		UUID digest = this.jdbc
			.sql("SELECT id FROM mail_outbox WHERE recipient_id = :user AND message_key = 'mail.DIGEST'")
			.param("user", reader.id())
			.query(UUID.class)
			.single();
		for (int i = 0; i < 50 && attempts(digest) == 0; i++) {
			this.outbox.dispatch();
		}
		assertThat(attempts(digest)).isOne();
		assertThat(status(digest)).isEqualTo("PENDING");

		smtp.start();
		this.clock.advance(Duration.ofMinutes(3));
		dispatchAllDue();

		assertThat(status(digest)).isEqualTo("SENT");
		MimeMessage mail = only(received(reader));
		assertThat(mail.getSubject()).isEqualTo("【协同】每日汇总：2 条通知");
		assertThat(body(mail)).containsSubsequence("每日汇总：2 条通知", "Daily digest: 2 notifications", "指南甲",
				"The department approved the guide \"指南甲\"", "指南乙", "The guide \"指南乙\" is published");
	}

	@Test
	void anInstanceThatListedARecipientJustBeforeAnotherGatheredItsMailWritesNoSecondDigest() {
		User reader = register();
		this.preferences.set(reader.id(), null, true);
		tellThree(reader);

		// Two instances list the same recipient; the first to claim gathers, the second
		// finds nothing HELD any more.
		assertThat(this.digests.digest(reader.id())).isTrue();
		assertThat(this.digests.digest(reader.id())).isFalse();

		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = :user AND message_key = " + "'mail.DIGEST'")
			.param("user", reader.id())
			.query(Long.class)
			.single()).isOne();
		assertThat(count(reader, "DIGESTED")).isEqualTo(3);
	}

	private void tellThree(User reader) {
		this.inbox.tell(reader.id(), "inbox.GUIDE_APPROVED", "/guides/a", "Guide A", "");
		this.clock.advance(Duration.ofMinutes(1));
		this.inbox.tell(reader.id(), "inbox.GUIDE_RETURNED", "/guides/b", "Guide B", "add the teachers");
		this.clock.advance(Duration.ofMinutes(1));
		this.inbox.tell(reader.id(), "inbox.GUIDE_PUBLISHED", "/guides/c", "Guide C", "");
	}

	/** A new enterprise contact with an e-mail address of its own. */
	private User register() {
		String username = Samples.unique("pref");
		String address = username + "@mail.example.com";
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		body.put("contact", Map.of("name", "李四", "phone", "0431-88905350", "email", address));
		var created = this.api.post("/api/v1/enterprises", null, body).json();
		UUID id = this.jdbc.sql("SELECT id FROM users WHERE username = :username")
			.param("username", username)
			.query(UUID.class)
			.single();
		return new User(id, username, address, created.get("id").asString(), (String) body.get("name"));
	}

	/** Sends everything due, other tests' mail too, fifty at a time. */
	private void dispatchAllDue() {
		for (int i = 0; i < 100 && due() > 0; i++) {
			this.outbox.dispatch();
		}
		assertThat(due()).as("mail still due").isZero();
	}

	private long due() {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now")
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private List<MimeMessage> received(User user) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return message.getAllRecipients()[0].toString().equals(user.address());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static MimeMessage only(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static String body(MimeMessage message) throws Exception {
		return (String) message.getContent();
	}

	private long count(User user, String status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = :user AND status = :status")
			.param("user", user.id())
			.param("status", status)
			.query(Long.class)
			.single();
	}

	private int attempts(UUID id) {
		return this.jdbc.sql("SELECT attempts FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private String status(UUID id) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	record User(UUID id, String username, String address, String enterpriseId, String enterpriseName) {
	}

}
