package org.xietong.accounts;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xietong.shared.DomainException;

/**
 * A user whose password was set by someone else (a new installation's administrator, a
 * reset) must choose its own before doing anything else: pages lead to the change form,
 * API calls are refused with {@code PASSWORD_CHANGE_REQUIRED}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements WebMvcConfigurer, HandlerInterceptor {

	static final String PAGE = "/account/password";

	private static final Set<String> OPEN = Set.of(PAGE, "/logout", "/lang", "/error", "/api/v1/me",
			"/api/v1/me/password", "/api/v1/auth/token");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		boolean mustChange = CurrentUser.get().map(CurrentUser::passwordChangeRequired).orElse(false);
		if (!mustChange || OPEN.contains(request.getRequestURI())) {
			return true;
		}
		if (request.getRequestURI().startsWith("/api/")) {
			throw new DomainException(403, "PASSWORD_CHANGE_REQUIRED", "choose a new password first");
		}
		response.sendRedirect(PAGE);
		return false;
	}

}
