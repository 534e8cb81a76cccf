package org.xietong.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.PublicPaths;
import org.xietong.accounts.PublicPaths.PublicPath;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Spring MVC's request mapping, ruling mappings out by their literal start. */
	@Bean
	WebMvcRegistrations prefixedHandlerMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixedHandlerMapping();
			}
		};
	}

	@Bean
	LocaleResolver localeResolver() {
		return new PlatformLocaleResolver();
	}

	@Bean
	PublicPaths webPublicPaths() {
		return () -> List.of(PublicPath.get("/"), PublicPath.any("/error"), PublicPath.get("/lang"),
				PublicPath.get("/css/**"), PublicPath.get("/js/**"), PublicPath.get("/img/**"),
				PublicPath.get("/webjars/**"), PublicPath.get("/favicon.ico"), PublicPath.get("/actuator/health"),
				PublicPath.get("/actuator/health/**"), PublicPath.get("/actuator/info"), PublicPath.get("/v3/api-docs"),
				PublicPath.get("/v3/api-docs/**"), PublicPath.get("/swagger-ui.html"),
				PublicPath.get("/swagger-ui/**"));
	}

	/** Hands every page its {@link PageContext}. */
	@ControllerAdvice
	static class PageContextAdvice {

		private final MessageSource messages;

		PageContextAdvice(MessageSource messages) {
			this.messages = messages;
		}

		@ModelAttribute("ctx")
		PageContext pageContext(HttpServletRequest request) {
			return create(request, this.messages);
		}

		static PageContext create(HttpServletRequest request, MessageSource messages) {
			return new PageContext(request, messages, RequestContextUtils.getLocale(request),
					CurrentUser.get().orElse(null));
		}

	}

}
