package org.xietong;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.support.Api;
import org.xietong.support.Instance;
import org.xietong.support.Samples;
import org.xietong.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances as an operator runs them: separate JVMs on one PostgreSQL and one data
 * folder, both started at once on an empty database. Sessions and tokens work on either,
 * the daily digest goes out once though both run its schedule, and through a rolling
 * restart and a {@code kill -9} in the middle of sending mail, every notification reaches
 * its inbox and its mailbox exactly once.
 */
class MultipleInstancesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final List<Instance> instances = new ArrayList<>();

	private final List<String> expected = new CopyOnWriteArrayList<>();

	private GreenMail smtp;

	private ServerSocket blackHole;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private String database;

	private Path home;

	private Path logs;

	@BeforeEach
	void setUp() throws Exception {
		this.smtp = new GreenMail(new ServerSetup(Instance.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		// An SMTP server that takes the connection and never answers: an instance
		// sending to it is caught in the middle of sending.
		this.blackHole = new ServerSocket(0);
		Thread accepting = new Thread(() -> {
			while (!this.blackHole.isClosed()) {
				try {
					this.held.add(this.blackHole.accept());
				}
				catch (java.io.IOException ex) {
					return;
				}
			}
		});
		accepting.setDaemon(true);
		accepting.start();
		this.database = TestDatabase.emptyDatabase();
		this.home = Files.createTempDirectory("xietong-instances");
		this.logs = Files.createDirectories(Path.of("target", "instances"));
	}

	@AfterEach
	void tearDown() throws Exception {
		this.instances.forEach(Instance::close);
		this.smtp.stop();
		this.blackHole.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

	@Test
	void twoInstancesShareSessionsDoScheduledWorkOnceAndLoseOrRepeatNoNotificationThroughARestartAndAKill()
			throws Exception {
		// Both start at once on an empty database and a new data folder.
		Instance a = start("a", this.smtp.getSmtp().getPort(), "PT1S");
		Instance b = start("b", this.smtp.getSmtp().getPort(), "PT4S");
		a.awaitReady(Duration.ofMinutes(3));
		b.awaitReady(Duration.ofMinutes(3));
		assertThat(count("SELECT COUNT(*) FROM users WHERE username IN ('sysadmin', 'dept', 'auditor')")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM guides")).as("the demo guides, made once").isEqualTo(7);
		assertThat(count("SELECT COUNT(*) FROM batches")).isEqualTo(2);
		Api onA = new Api(a.port());
		Api onB = new Api(b.port());
		assertThat(onB.get("/api/v1/verify/key", null).body()).as("one signing key")
			.isEqualTo(onA.get("/api/v1/verify/key", null).body());

		// A token from A works on B; revoked on B, it no longer works on A.
		String token = onA.token("dept");
		assertThat(onB.get("/api/v1/me", token).json().get("username").asString()).isEqualTo("dept");
		assertThat(onB.delete("/api/v1/auth/token", token).status()).isEqualTo(204);
		assertThat(onA.get("/api/v1/me", token).status()).isEqualTo(401);

		// A page session begun on A goes on on B.
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String csrf = csrf(browser.send(page(a, "/login").build(), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> signedIn = browser
			.send(page(a, "/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=dept&password=" + Api.DEMO_PASSWORD + "&_csrf="
						+ URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		HttpResponse<String> home = browser.send(page(b, "/home").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).as("signed in on B too").isEqualTo(200);

		String dept = onB.token("dept");
		// Each decision, taken on one instance, is told once: inbox and mail.
		for (int i = 0; i < 6; i++) {
			decide(i % 2 == 0 ? onA : onB, i % 2 == 0 ? onB : onA, dept, null);
		}

		// A contact who chose the daily digest: both instances run the digest every
		// three seconds; one digest goes out.
		String digested = decide(onA, onB, dept, onA);

		// Rolling restart: decisions on A just before it stops, more on B while it is
		// down, then A again (its mail server now one that never answers).
		for (int i = 0; i < 6; i++) {
			decide(onA, onA, onA.token("dept"), null);
		}
		a.stop();
		for (int i = 0; i < 4; i++) {
			decide(onB, onB, dept, null);
		}
		Instance again = start("a-again", this.blackHole.getLocalPort(), "PT1S");
		again.awaitReady(Duration.ofMinutes(3));
		Api onAgain = new Api(again.port());

		// kill -9 of A while it holds mail it is sending, and while decisions keep
		// coming to it (their events may be in the middle of delivery).
		String deptOnAgain = onAgain.token("dept");
		for (int i = 0; i < 8; i++) {
			decide(onAgain, onAgain, deptOnAgain, null);
		}
		AtomicBoolean firing = new AtomicBoolean(true);
		Thread more = new Thread(() -> {
			while (firing.get()) {
				try {
					decide(onAgain, onAgain, deptOnAgain, null);
				}
				catch (RuntimeException | AssertionError ex) {
					// The instance is gone: a decision it did not answer is not counted.
					return;
				}
			}
		});
		more.start();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENDING' AND claimed_by LIKE '%/"
					+ again.pid() + "/%'") > 0);
		again.kill();
		firing.set(false);
		more.join();

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.expected.stream().allMatch(address -> mailsTo(address) >= 1));
		// Long enough for a second delivery or a second send, were there one.
		Instance.sleep(Duration.ofSeconds(12));
		Map<String, Integer> mails = new HashMap<>();
		this.expected.forEach(address -> mails.put(address, mailsTo(address)));
		assertThat(mails).as("every decision mailed once").allSatisfy((address, n) -> assertThat(n).isOne());
		assertThat(mailsTo(digested)).as("one digest").isOne();
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE message_key = 'mail.DIGEST' AND to_address = '"
				+ digested + "'"))
			.isOne();
		for (String address : this.expected) {
			assertThat(count("SELECT COUNT(*) FROM inbox_messages m JOIN users u ON u.id = m.recipient_id "
					+ "WHERE u.email = '" + address + "'"))
				.as("one inbox message for %s", address)
				.isOne();
		}
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT' AND status <> 'DIGESTED'"))
			.as("nothing left behind")
			.isZero();
		System.out.printf("%d decisions, each told and mailed once; %d event deliveries were resubmitted%n",
				this.expected.size(), count("SELECT COUNT(*) FROM event_publication WHERE completion_attempts > 1"));
	}

	/**
	 * Registers an enterprise through {@code registering} and returns it through
	 * {@code deciding}; with {@code digestOn}, its contact first chooses the daily digest
	 * there. Answers the contact's address.
	 */
	private String decide(Api registering, Api deciding, String dept, Api digestOn) {
		String username = Samples.unique("multi");
		String address = username + "@instances.example.com";
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		body.put("contact", Map.of("name", "李四", "phone", "0431-88905350", "email", address));
		String id = registering.post("/api/v1/enterprises", null, body).json().get("id").asString();
		if (digestOn != null) {
			assertThat(digestOn
				.put("/api/v1/me/notification-preferences", digestOn.token(username, "Secret#2024"),
						Map.of("mailLanguage", "en", "dailyDigest", true))
				.status()).isEqualTo(200);
		}
		assertThat(deciding.post("/api/v1/enterprises/" + id + "/return", dept, Map.of("reason", "信用报告已过期")).status())
			.isEqualTo(200);
		if (digestOn == null) {
			this.expected.add(address);
		}
		return address;
	}

	private Instance start(String name, int smtpPort, String dispatchInterval) {
		Instance instance = Instance.start(name, this.logs, List.of("--spring.profiles.active=demo",
				"--spring.datasource.url=" + this.database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--xietong.home=" + this.home, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--xietong.mail.dispatch-interval=" + dispatchInterval,
				"--xietong.mail.dispatch-initial-delay=PT1S", "--xietong.mail.claim-lease=PT8S",
				"--xietong.events.resubmit-after=PT8S", "--xietong.events.resubmission-interval=PT2S",
				"--xietong.mail.digest-cron=*/3 * * * * *", "--xietong.applications.reminder-initial-delay=PT24H"));
		this.instances.add(instance);
		return instance;
	}

	private int mailsTo(String address) {
		int n = 0;
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			try {
				if (Arrays.toString(message.getAllRecipients()).contains(address)) {
					n++;
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return n;
	}

	private long count(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(this.database, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static HttpRequest.Builder page(Instance instance, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port() + path))
			.header("Accept", "text/html");
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

}
