package org.xietong.organizations.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class OrganizationsWebConfiguration {

	/**
	 * Registering is public; the defaulters' list is the department's own (it names
	 * enterprises with reasons, and is published, if at all, through a public notice).
	 */
	@Bean
	PublicPaths organizationPublicPaths() {
		return () -> List.of(PublicPath.post("/api/v1/enterprises"), PublicPath.any("/register/enterprise"),
				PublicPath.get("/register/enterprise/submitted"));
	}

}
