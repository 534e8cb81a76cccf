package org.xietong.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The department's decisions reach the enterprise's inbox, in the reader's language. */
@PlatformTest
class InboxTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void aReturnedRegistrationTellsTheContactWhyAndTheMessageCanBeMarkedRead() {
		String username = Samples.unique("ent");
		String id = this.api.post("/api/v1/enterprises", null, Samples.registration(username, LocalDate.of(2015, 1, 1)))
			.json()
			.get("id")
			.asString();
		String contact = this.api.token(username, "Secret#2024");

		this.api.post("/api/v1/enterprises/" + id + "/return", this.api.token("dept"), Map.of("reason", "信用报告已过期"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.api.get("/api/v1/me/notifications?unread=true", contact).json().get("total").asLong())
				.isOne());
		Response messages = this.api.get("/api/v1/me/notifications", contact);
		var message = messages.json().get("items").get(0);
		assertThat(message.get("key").asString()).isEqualTo("inbox.ENTERPRISE_RETURNED");
		assertThat(message.get("arguments").get(1).asString()).isEqualTo("信用报告已过期");
		assertThat(message.get("link").asString()).isEqualTo("/enterprise");

		assertThat(this.api
			.post("/api/v1/me/notifications/" + message.get("id").asString() + "/read", this.api.token("ent-auto"),
					"{}")
			.status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/me/notifications/" + message.get("id").asString() + "/read", contact, "{}")
			.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/me/notifications?unread=true", contact).json().get("total").asLong()).isZero();
	}

}
