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
 * trailing slash or in capitals.
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
		Set<String> requests = new LinkedHashSet<>();
		for (RequestMappingInfo info : infos) {
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
			}
		}
		int matched = 0;
		int ruledOut = 0;
		List<String> differences = new ArrayList<>();
		for (String line : requests) {
			MockHttpServletRequest request = new MockHttpServletRequest(line.substring(0, line.indexOf(' ')),
					line.substring(line.indexOf(' ') + 1));
			request.addHeader("Accept", "*/*");
			request.setContentType("application/json");
			ServletRequestPathUtils.parseAndCache(request);
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
