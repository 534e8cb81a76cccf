package org.xietong.applications.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class ApplicationsWebConfiguration {

	/**
	 * Anyone may check a receipt and read the server's public key: a reviewer, an auditor
	 * or the teacher's own office, without an account. The page {@code /verify} takes the
	 * number and digest as query parameters.
	 */
	@Bean
	PublicPaths verificationPublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/verify/key"), PublicPath.get("/api/v1/verify/audit-head"),
				PublicPath.get("/api/v1/verify/receipts/*"), PublicPath.get("/verify"));
	}

}
