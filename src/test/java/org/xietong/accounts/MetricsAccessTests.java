package org.xietong.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics answer only the metrics credential; health stays open to load balancers.
 */
@PlatformTest
class MetricsAccessTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void metricsRefuseAnonymousCallersAndUserTokens() {
		assertThat(this.api.get("/actuator/prometheus", null).status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/prometheus", "not-the-credential").status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/prometheus", this.api.token("sysadmin")).status()).isEqualTo(401);
	}

	@Test
	void metricsAnswerTheMetricsCredential() {
		var metrics = this.api.get("/actuator/prometheus", "test-metrics-credential");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void healthStaysPublic() {
		assertThat(this.api.get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

}
