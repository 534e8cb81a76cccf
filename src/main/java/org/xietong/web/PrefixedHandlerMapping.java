package org.xietong.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
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

	/**
	 * The path of the lookup under way on this thread, when it can be compared literally.
	 */
	private static final ThreadLocal<String> LOOKUP = new ThreadLocal<>();

	private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		LOOKUP.set(comparablePath(request));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP.remove();
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = LOOKUP.get();
		if (path != null
				&& !startsWithAny(path, this.starts.computeIfAbsent(info, PrefixedHandlerMapping::literalStarts))) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	/** What a lookup of {@code request} answers for {@code info}. */
	RequestMappingInfo matchingInLookup(RequestMappingInfo info, HttpServletRequest request) {
		LOOKUP.set(comparablePath(request));
		try {
			return getMatchingMapping(info, request);
		}
		finally {
			LOOKUP.remove();
		}
	}

	/**
	 * The request's path within the application, or null where it is percent-encoded or
	 * carries matrix parameters: patterns match those decoded and stripped.
	 */
	private static String comparablePath(HttpServletRequest request) {
		if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return null;
		}
		String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		return (path.indexOf('%') < 0 && path.indexOf(';') < 0) ? path : null;
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
