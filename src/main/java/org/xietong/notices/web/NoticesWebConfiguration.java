package org.xietong.notices.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class NoticesWebConfiguration {

	@Bean
	PublicPaths noticePublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/notices"), PublicPath.get("/api/v1/notices/*"),
				PublicPath.get("/api/v1/notices/*/objections"), PublicPath.post("/api/v1/notices/*/objections"),
				PublicPath.get("/notices"), PublicPath.get("/notices/*"), PublicPath.post("/notices/*/objections"));
	}

}
