package org.xietong.projects.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class ProjectsWebConfiguration {

	/**
	 * Anyone may check a project number or a certificate, and read the completion lists,
	 * by the API or on the pages.
	 */
	@Bean
	PublicPaths projectPublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/verify/projects/*"), PublicPath.get("/verify/projects"),
				PublicPath.get("/api/v1/verify/certificates/*"), PublicPath.get("/verify/certificates"),
				PublicPath.get("/api/v1/batches/*/completions"), PublicPath.get("/api/v1/batches/*/completions.xlsx"),
				PublicPath.get("/completions"), PublicPath.get("/completions/*"),
				PublicPath.get("/completions/*/export.xlsx"));
	}

}
