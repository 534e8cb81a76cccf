package org.xietong.projects.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class ProjectsWebConfiguration {

	/** Anyone may check a project number, by the API or on the page. */
	@Bean
	PublicPaths projectPublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/verify/projects/*"), PublicPath.get("/verify/projects"));
	}

}
