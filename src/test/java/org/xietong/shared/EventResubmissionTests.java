package org.xietong.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;
import org.xietong.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events left undelivered are delivered again, by one instance at a time, and only once
 * their delivery has been abandoned long enough; a second delivery tells no one twice.
 */
@PlatformTest
class EventResubmissionTests {

	@LocalServerPort
	int port;

	@Autowired
	EventResubmission resubmission;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void aDeliveryAbandonedPastTheThresholdIsDeliveredAgainAndTellsNoOneTwice() {
		Api api = new Api(this.port);
		String username = Samples.unique("redeliver");
		String id = returnedRegistration(api, username);
		String contact = api.token(username, "Secret#2024");
		await().atMost(Duration.ofSeconds(10)).until(() -> completed(id));
		assertThat(messages(api, contact)).isOne();
		int attempts = attempts(id);

		// As an instance that died while delivering leaves it, a minute ago: a live one
		// may still be at it, so it is left alone.
		abandon(id, Duration.ofMinutes(1));
		assertThat(this.resubmission.resubmit()).isTrue();
		assertThat(completed(id)).isFalse();

		abandon(id, Duration.ofMinutes(6));
		assertThat(this.resubmission.resubmit()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> completed(id));
		assertThat(attempts(id)).as("delivered again").isEqualTo(attempts + 1);
		assertThat(messages(api, contact)).as("the second delivery wrote nothing").isOne();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE to_address LIKE :to")
			.param("to", username + "@%")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void onlyTheInstanceHoldingTheLockResubmits() throws Exception {
		try (Connection other = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "postgres");
				Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + EventResubmission.LOCK + ")");
			assertThat(this.resubmission.resubmit()).isFalse();
			statement.execute("SELECT pg_advisory_unlock(" + EventResubmission.LOCK + ")");
		}
		assertThat(this.resubmission.resubmit()).isTrue();
	}

	private String returnedRegistration(Api api, String username) {
		Map<String, Object> registration = Samples.registration(username, LocalDate.of(2015, 1, 1));
		registration.put("contact", Map.of("name", "李四", "phone", "0431-88905350", "email", username + "@example.com"));
		String id = api.post("/api/v1/enterprises", null, registration).json().get("id").asString();
		api.post("/api/v1/enterprises/" + id + "/return", api.token("dept"), Map.of("reason", "营业执照不清晰"));
		return id;
	}

	private void abandon(String enterpriseId, Duration ago) {
		this.jdbc.sql(
				"UPDATE event_publication SET status = 'PROCESSING', completion_date = NULL, publication_date = :at WHERE "
						+ publication(enterpriseId))
			.param("at", java.time.OffsetDateTime.ofInstant(this.clock.instant().minus(ago), java.time.ZoneOffset.UTC))
			.update();
	}

	private int attempts(String enterpriseId) {
		return this.jdbc.sql("SELECT completion_attempts FROM event_publication WHERE " + publication(enterpriseId))
			.query(Integer.class)
			.single();
	}

	private boolean completed(String enterpriseId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL AND "
					+ publication(enterpriseId))
			.query(Long.class)
			.single() == 1;
	}

	private static String publication(String enterpriseId) {
		return "listener_id LIKE '%EnterpriseNotifications%' AND serialized_event LIKE '%" + enterpriseId + "%'";
	}

	private static long messages(Api api, String token) {
		return api.get("/api/v1/me/notifications", token).json().get("total").asLong();
	}

}
