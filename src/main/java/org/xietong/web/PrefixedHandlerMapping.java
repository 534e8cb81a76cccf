package org.xietong.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, ruling a mapping out first by the literal start of its
 * patterns. A path that no mapping names literally (every path with an id in it) is tried
 * against all the mappings, some four hundred, each check costing its conditions: in the
 * deadline burst's profile that scan was an eighth of a submission's request CPU. A
 * pattern's text up to its first variable or wildcard is matched literally, so a path
 * that does not start with it cannot match; where the path is percent-encoded or carries
 * matrix parameters (which patterns match decoded and stripped), every mapping is tried
 * as before. {@code PrefixedHandlerMappingTests} holds the answers to those of Spring's
 * own.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

	private static final String[] ANY = { "" };

	private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (patterns != null && ServletRequestPathUtils.hasParsedRequestPath(request)) {
			String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
			if (path.indexOf('%') < 0 && path.indexOf(';') < 0
					&& !startsWithAny(path, this.starts.computeIfAbsent(info, PrefixedHandlerMapping::literalStarts))) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean startsWithAny(String path, String[] starts) {
		for (String start : starts) {
			if (path.startsWith(start)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Each pattern's text before its first variable or wildcard; nothing (any path may
	 * match) for a pattern whose literal start holds anything but plain ASCII path
	 * characters, which a request could send encoded.
	 */
	static String[] literalStarts(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return ANY;
		}
		String[] starts = new String[condition.getPatterns().size()];
		int i = 0;
		for (PathPattern pattern : condition.getPatterns()) {
			String text = pattern.getPatternString();
			int end = 0;
			while (end < text.length() && plain(text.charAt(end))) {
				end++;
			}
			if (end < text.length() && "{*?".indexOf(text.charAt(end)) < 0) {
				return ANY;
			}
			starts[i++] = text.substring(0, end);
		}
		return starts;
	}

	private static boolean plain(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-'
				|| c == '_' || c == '.' || c == '~';
	}

}
