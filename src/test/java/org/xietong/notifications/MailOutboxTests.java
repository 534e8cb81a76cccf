package org.xietong.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
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
 * A real SMTP conversation: what reaches the inbox goes out by e-mail, and waits while
 * the server is down.
 */
@PlatformTest
@TestPropertySource(
		properties = { "spring.mail.host=localhost", "spring.mail.port=3025", "xietong.mail.dispatch-interval=PT1H" })
class MailOutboxTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	MailOutbox outbox;

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
	void aDecisionIsMailedToTheContactInChineseAndEnglishWithALink() throws Exception {
		String address = returnARegistration();

		assertThat(this.outbox.dispatch()).isGreaterThanOrEqualTo(1);

		MimeMessage[] received = smtp.getReceivedMessagesForDomain("mail.example.com");
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(address);
		assertThat(received[0].getSubject()).startsWith("【协同】").contains("退回");
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(GreenMailUtil.getWholeMessage(received[0])).contains("charset=UTF-8");
		assertThat(new String(jakarta.mail.internet.MimeUtility
			.decode(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
					received[0].getEncoding() == null ? "7bit" : received[0].getEncoding())
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("信用报告已过期")
			.contains("http://localhost:8080/enterprise")
			.contains("returned the registration");
	}

	@Test
	void mailWaitsWhileTheServerIsDownAndGoesOutLater() {
		smtp.stop();
		String address = returnARegistration();

		// Other tests' mail may be due before it: dispatch until this one has been tried.
		for (int i = 0; i < 50 && attempts(address) == 0; i++) {
			this.outbox.dispatch();
		}
		assertThat(attempts(address)).isOne();
		assertThat(status(address)).isEqualTo("PENDING");

		smtp.start();
		this.outbox.dispatch();
		assertThat(status(address)).as("not before its next attempt").isEqualTo("PENDING");
		this.clock.advance(Duration.ofMinutes(3));
		// Other tests' mail that waited with it goes out too, fifty at a time.
		for (int i = 0; i < 50 && !"SENT".equals(status(address)); i++) {
			this.outbox.dispatch();
		}
		assertThat(status(address)).isEqualTo("SENT");
	}

	@Test
	void aMailLeftSendingByAnInstanceThatDiedIsClaimedAgainAfterItsLeaseAndSentOnce() {
		String address = returnARegistration();
		// As an instance killed while sending leaves it: claimed, its lease running.
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claimed_by = 'dead-host/4242/claim', claimed_until = :until
				WHERE to_address = :to""")
			.param("until",
					java.time.OffsetDateTime.ofInstant(this.clock.instant().plus(Duration.ofMinutes(5)),
							java.time.ZoneOffset.UTC))
			.param("to", address)
			.update();

		for (int i = 0; i < 50 && this.outbox.dispatch() > 0; i++) {
			// other tests' mail that is due goes out first
		}
		assertThat(status(address)).as("not while the lease runs").isEqualTo("SENDING");

		this.clock.advance(Duration.ofMinutes(6));
		for (int i = 0; i < 50 && !"SENT".equals(status(address)); i++) {
			this.outbox.dispatch();
		}
		assertThat(status(address)).isEqualTo("SENT");
		assertThat(smtp.getReceivedMessages()).filteredOn(message -> recipients(message).contains(address)).hasSize(1);
	}

	private String returnARegistration() {
		String username = Samples.unique("mail");
		String address = username + "@mail.example.com";
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		body.put("contact", Map.of("name", "李四", "phone", "0431-88905350", "email", address));
		String id = this.api.post("/api/v1/enterprises", null, body).json().get("id").asString();
		this.api.post("/api/v1/enterprises/" + id + "/return", this.api.token("dept"), Map.of("reason", "信用报告已过期"));
		await().atMost(Duration.ofSeconds(10)).until(() -> status(address) != null);
		return address;
	}

	private static String recipients(MimeMessage message) {
		try {
			return java.util.Arrays.toString(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int attempts(String address) {
		return this.jdbc.sql("SELECT attempts FROM mail_outbox WHERE to_address = :to")
			.param("to", address)
			.query(Integer.class)
			.single();
	}

	private String status(String address) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE to_address = :to")
			.param("to", address)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
