package org.xietong.batches.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class BatchesWebConfiguration {

	/**
	 * Anyone may read batches, their schedules and phases: the public must know the
	 * windows. Forms and changes still need the department officer.
	 */
	@Bean
	PublicPaths batchPublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/batches"), PublicPath.get("/api/v1/batches/**"),
				PublicPath.get("/batches"), PublicPath.get("/batches/**"));
	}

}
