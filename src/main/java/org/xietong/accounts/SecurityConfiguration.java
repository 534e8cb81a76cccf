package org.xietong.accounts;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the API signs in by bearer token and keeps no session; the pages
 * sign in by form into a session kept in the database, with CSRF protection. Both send
 * the same security headers; the pages' Content-Security-Policy allows only our own
 * scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountAuthenticationProvider provider) {
		ProviderManager manager = new ProviderManager(provider);
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, SecurityProblems problems,
			List<PublicPaths> publicPaths, JdbcClient jdbc, Clock clock) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new IdempotencyFilter(jdbc, clock, problems), AuthorizationFilter.class)
			.authorizeHttpRequests(authorize -> {
				permit(authorize, publicPaths, true);
				authorize.anyRequest().authenticated();
			})
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems::unauthenticated)
				.accessDeniedHandler(problems::denied))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SecurityProblems problems, List<PublicPaths> publicPaths) throws Exception {
		http.authenticationManager(authenticationManager).authorizeHttpRequests(authorize -> {
			permit(authorize, publicPaths, false);
			authorize.anyRequest().authenticated();
		})
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/home")
				.failureHandler((request, response,
						ex) -> response.sendRedirect(request.getContextPath() + "/login?error="
								+ ((ex instanceof LockedException) ? "locked"
										: (ex instanceof DisabledException) ? "disabled"
												: (ex instanceof CredentialsExpiredException) ? "expired" : "bad")))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll())
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, ex) -> {
				problems.recordDenied(request);
				response.sendError(403);
			}))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=()")));
		return http.build();
	}

	private static void permit(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
			List<PublicPaths> publicPaths, boolean api) {
		publicPaths.stream()
			.flatMap(paths -> paths.paths().stream())
			.filter(path -> path.isApi() == api)
			.forEach(path -> authorize
				.requestMatchers((path.method() == null) ? PathPatternRequestMatcher.pathPattern(path.pattern())
						: PathPatternRequestMatcher.pathPattern(path.method(), path.pattern()))
				.permitAll());
	}

	@Bean
	PublicPaths accountPublicPaths() {
		return () -> List.of(PublicPaths.PublicPath.post("/api/v1/auth/token"), PublicPaths.PublicPath.any("/login"),
				PublicPaths.PublicPath.any("/api/v1/dev/**"), PublicPaths.PublicPath.any(PasswordSetupLinks.PATH),
				PublicPaths.PublicPath.post("/api/v1/auth/password-setup"));
	}

}
