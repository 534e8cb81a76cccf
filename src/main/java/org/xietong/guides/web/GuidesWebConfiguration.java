package org.xietong.guides.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class GuidesWebConfiguration {

	/** The guides' URLs that end in a guide's id. */
	static final String GUIDE_ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

	/**
	 * The catalogue and each guide are for everyone to read: teachers find the guides
	 * they apply to there, and the public sees what was published. The reads answer only
	 * published guides to a visitor; everything else needs a signed-in user.
	 */
	@Bean
	PublicPaths guidePublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/guides"), PublicPath.get("/api/v1/guides.xlsx"),
				PublicPath.get("/api/v1/guides/" + GUIDE_ID), PublicPath.get("/catalogue"),
				PublicPath.get("/catalogue.xlsx"), PublicPath.get("/guides/" + GUIDE_ID));
	}

}
