package org.xietong.approvals.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class ApprovalsWebConfiguration {

	/** The published approval list is public: as JSON, spreadsheet, PDF and pages. */
	@Bean
	PublicPaths approvalPublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/batches/*/approvals"),
				PublicPath.get("/api/v1/batches/*/approvals.xlsx"), PublicPath.get("/api/v1/batches/*/approvals.pdf"),
				PublicPath.get("/approvals"), PublicPath.get("/approvals/*"),
				PublicPath.get("/approvals/*/export.xlsx"), PublicPath.get("/approvals/*/export.pdf"));
	}

}
