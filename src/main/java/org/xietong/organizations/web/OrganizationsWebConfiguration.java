package org.xietong.organizations.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class OrganizationsWebConfiguration {

	@Bean
	PublicPaths organizationPublicPaths() {
		return () -> List.of(PublicPath.post("/api/v1/enterprises"), PublicPath.any("/register/enterprise"),
				PublicPath.get("/register/enterprise/submitted"), PublicPath.get("/defaulters"));
	}

}
