package org.xietong.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Metrics tell an attacker what runs and how busy it is, so {@code /actuator/prometheus}
 * answers only the dedicated metrics credential ({@code xietong.metrics.token}, sent as
 * {@code Authorization: Bearer}); without one configured it answers no one. No user's
 * token serves: Prometheus needs a credential that does not expire and can do nothing
 * else. Health stays public for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

	static final String AUTHORITY = "METRICS_SCRAPER";

	@Bean
	@Order(0)
	SecurityFilterChain metricsChain(HttpSecurity http, SecurityProblems problems,
			@Value("${xietong.metrics.token:}") String credential) throws Exception {
		http.securityMatcher("/actuator/prometheus")
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new CredentialFilter(credential), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(authorize -> authorize.anyRequest().hasAuthority(AUTHORITY))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems::unauthenticated));
		return http.build();
	}

	/**
	 * Signs in a request that carries the metrics credential, compared in constant time.
	 */
	static final class CredentialFilter extends OncePerRequestFilter {

		private final byte[] credential;

		CredentialFilter(String credential) {
			this.credential = credential.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (this.credential.length > 0 && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& MessageDigest.isEqual(this.credential,
							header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
						List.of(new SimpleGrantedAuthority(AUTHORITY))));
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}

	}

}
