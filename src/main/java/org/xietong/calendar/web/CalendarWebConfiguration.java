package org.xietong.calendar.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class CalendarWebConfiguration {

	@Bean
	PublicPaths calendarPublicPaths() {
		return () -> List.of(PublicPath.get("/api/v1/calendar"), PublicPath.get("/api/v1/calendar/*"),
				PublicPath.get("/calendar"));
	}

}
