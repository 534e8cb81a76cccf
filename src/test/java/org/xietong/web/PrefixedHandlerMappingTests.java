package org.xietong.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request mapping in use rules mappings out by their literal start, and never one
 * that Spring's own check would match: every mapping is tried against a concrete path of
 * every pattern, and against the same paths percent-encoded, with matrix parameters, a
 * trailing slash, in capitals or with another method. Its lookup among the mappings under
 * a path's first segment finds what Spring's lookup among all of them finds: the handler,
 * the best pattern and the variables, or the same refusal; where several patterns match,
 * the most specific.
 */
@PlatformTest
class PrefixedHandlerMappingTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void theApplicationsRequestMappingIsThePrefixedOne() {
		assertThat(this.mapping).isInstanceOf(PrefixedHandlerMapping.class);
	}

	@Test
	void everyMappingMatchesEveryPathExactlyWhenSpringsOwnCheckMatchesIt() {
		PrefixedHandlerMapping prefixed = (PrefixedHandlerMapping) this.mapping;
		Set<RequestMappingInfo> infos = this.mapping.getHandlerMethods().keySet();
		assertThat(infos).hasSizeGreaterThan(100);
		Set<String> requests = requests();
		int matched = 0;
		int ruledOut = 0;
		List<String> differences = new ArrayList<>();
		for (String line : requests) {
			MockHttpServletRequest request = request(line);
			for (RequestMappingInfo info : infos) {
				RequestMappingInfo spring = info.getMatchingCondition(request);
				RequestMappingInfo ours = prefixed.matchingInLookup(info, request);
				if (spring != null) {
					matched++;
					if (!spring.equals(ours)) {
						differences.add(line + " -> " + info);
					}
				}
				else if (ours != null) {
					differences.add(line + " -> " + info + " (matched where Spring's check does not)");
				}
				else if (!PrefixedHandlerMapping.literalStarts(info)[0].isEmpty()) {
					ruledOut++;
				}
			}
		}
		assertThat(differences).isEmpty();
		assertThat(matched).as("paths matched, encoded or not").isGreaterThanOrEqualTo(infos.size());
		assertThat(ruledOut).as("pairs ruled out by the literal start")
			.isGreaterThan(requests.size() * infos.size() / 2);
	}

	@Test
	void everyPathFindsTheHandlerAndVariablesOfSpringsOwnLookup() throws Exception {
		PrefixedHandlerMapping prefixed = (PrefixedHandlerMapping) this.mapping;
		List<String> differences = new ArrayList<>();
		int found = 0;
		for (String line : requests()) {
			Object fast = lookup(prefixed, line, true);
			Object all = lookup(prefixed, line, false);
			found += (fast instanceof List<?>) ? 1 : 0;
			if (!fast.equals(all)) {
				differences.add(line + ": " + fast + " against " + all);
			}
		}
		assertThat(differences).isEmpty();
		assertThat(found).as("requests that found a handler").isGreaterThan(this.mapping.getHandlerMethods().size());
	}

	/**
	 * A concrete path of every mapping's every pattern, with its first method; and each
	 * percent-encoded, with matrix parameters, with a trailing slash, in capitals, and
	 * with the method another mapping of the path takes.
	 */
	private Set<String> requests() {
		Set<String> requests = new LinkedHashSet<>();
		for (RequestMappingInfo info : this.mapping.getHandlerMethods().keySet()) {
			String method = info.getMethodsCondition()
				.getMethods()
				.stream()
				.findFirst()
				.orElse(RequestMethod.GET)
				.name();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = concrete(pattern.getPatternString());
				requests.add(method + " " + path);
				requests.add(method + " " + path.replaceFirst("a", "%61"));
				requests.add(method + " " + path.replaceFirst("/([^/]+)/", "/$1;v=1/"));
				requests.add(method + " " + path + "/");
				requests.add(method + " " + path.toUpperCase(java.util.Locale.ROOT));
				requests.add(("GET".equals(method) ? "DELETE" : "GET") + " " + path);
			}
		}
		return requests;
	}

	private static MockHttpServletRequest request(String line) {
		MockHttpServletRequest request = new MockHttpServletRequest(line.substring(0, line.indexOf(' ')),
				line.substring(line.indexOf(' ') + 1));
		request.addHeader("Accept", "*/*");
		request.setContentType("application/json");
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	@Test
	void aPathThatSeveralPatternsMatchFindsTheMostSpecificAsSpringDoes() throws Exception {
		org.springframework.context.support.GenericApplicationContext context = new org.springframework.context.support.GenericApplicationContext();
		context.registerBean(Overlapping.class);
		context.refresh();
		PrefixedHandlerMapping mapping = new PrefixedHandlerMapping();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		for (String line : List.of("GET /things/a.pdf", "GET /things/a", "GET /things/a/b", "GET /things/a/c",
				"GET /things/a/b/c", "GET /things/list", "POST /things/a", "GET /other/a")) {
			assertThat(lookup(mapping, line, true)).as(line).isEqualTo(lookup(mapping, line, false));
		}
		assertThat(lookup(mapping, "GET /things/a.pdf", true).toString()).contains("pdf(");
		assertThat(lookup(mapping, "GET /things/a/b", true).toString()).contains("pairB(");
		assertThat(lookup(mapping, "GET /things/a/c", true).toString()).contains("pair(");
		assertThat(lookup(mapping, "GET /things/a/b/c", true).toString()).contains("rest(");
		context.close();
	}

	@org.springframework.stereotype.Controller
	static class Overlapping {

		@org.springframework.web.bind.annotation.GetMapping("/things/{id}")
		void one() {
		}

		@org.springframework.web.bind.annotation.GetMapping("/things/{name}.pdf")
		void pdf() {
		}

		@org.springframework.web.bind.annotation.GetMapping("/things/**")
		void rest() {
		}

		@org.springframework.web.bind.annotation.GetMapping("/things/list")
		void list() {
		}

		@org.springframework.web.bind.annotation.GetMapping("/things/{a}/{b}")
		void pair() {
		}

		@org.springframework.web.bind.annotation.GetMapping("/things/{a}/b")
		void pairB() {
		}

	}

	/**
	 * What a lookup answers: the handler, the best pattern and the path's variables; or
	 * nothing, or the refusal it throws.
	 */
	private static Object lookup(PrefixedHandlerMapping mapping, String line, boolean fast) throws Exception {
		MockHttpServletRequest request = request(line);
		String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		String lookupPath = org.springframework.web.util.UrlPathHelper.defaultInstance.removeSemicolonContent(path);
		try {
			Object handler = fast ? mapping.lookupHandlerMethod(lookupPath, request)
					: mapping.lookupAmongAll(lookupPath, request);
			if (handler == null) {
				return "none";
			}
			return List.of(handler.toString(),
					String.valueOf(request
						.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)),
					String.valueOf(request.getAttribute(
							org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)));
		}
		catch (Exception ex) {
			return ex.getClass().getName();
		}
	}

	/**
	 * A path the pattern matches: each variable an id, each wildcard a segment or two.
	 */
	private static String concrete(String pattern) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{') {
				boolean captureRest = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
				int depth = 1;
				while (depth > 0 && ++i < pattern.length()) {
					depth += (pattern.charAt(i) == '{') ? 1 : (pattern.charAt(i) == '}') ? -1 : 0;
				}
				path.append(captureRest ? "/a/b" : "00000000-0000-4000-8000-000000000001");
			}
			else if (c == '*') {
				boolean twice = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
				path.append(twice ? "a/b" : "x");
				i += twice ? 1 : 0;
			}
			else if (c == '?') {
				path.append('q');
			}
			else {
				path.append(c);
			}
		}
		return path.toString();
	}

}
