package org.xietong.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, finding a path's handler among the mappings that can
 * match it. A path that no mapping names literally (every path with an id in it) is tried
 * by Spring against all the mappings, some four hundred, each check costing its
 * conditions: in the deadline burst's profile that scan was an eighth of a submission's
 * request CPU. A pattern's text up to its first variable or wildcard is matched
 * literally, so a path that does not start with it cannot match: the mappings are indexed
 * by the first segment of that text, and only those under the path's first segment (and
 * those whose text ends before one) are tried. When exactly one matches, it is the
 * answer, as Spring's own lookup would give it; otherwise (none, several, a direct path,
 * a percent-encoded path or matrix parameters, which patterns match decoded and stripped)
 * Spring's lookup runs, still ruling mappings out by their literal start.
 * {@code PrefixedHandlerMappingTests} holds both to Spring's own answers.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

	private static final String[] ANY = { "" };

	/**
	 * The path of the lookup under way on this thread, when it can be compared literally.
	 */
	private static final ThreadLocal<String> LOOKUP = new ThreadLocal<>();

	/** The mappings by first segment; made again after a mapping is added or removed. */
	private volatile Index index;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		String path = comparablePath(request);
		if (path != null && path.equals(lookupPath)) {
			Index current = index();
			if (!current.directPaths().contains(lookupPath)) {
				RequestMappingInfo only = null;
				HandlerMethod handler = null;
				int found = 0;
				for (Candidate candidate : current.candidates(path)) {
					if (startsWithAny(path, candidate.starts())) {
						RequestMappingInfo match = super.getMatchingMapping(candidate.info(), request);
						if (match != null && found++ == 0) {
							only = match;
							handler = candidate.handler();
						}
					}
				}
				if (found == 1) {
					request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
					handleMatch(only, lookupPath, request);
					return handler;
				}
			}
		}
		return lookupAmongAll(lookupPath, request);
	}

	/** Spring's own lookup, ruling mappings out by their literal start. */
	HandlerMethod lookupAmongAll(String lookupPath, HttpServletRequest request) throws Exception {
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
		if (path != null && !startsWithAny(path, index().starts(info))) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		this.index = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.index = null;
	}

	private Index index() {
		Index current = this.index;
		if (current == null) {
			current = Index.of(getHandlerMethods());
			this.index = current;
		}
		return current;
	}

	/** A mapping, its handler and the literal starts of its patterns. */
	private record Candidate(RequestMappingInfo info, HandlerMethod handler, String[] starts) {
	}

	/**
	 * The paths some mapping names literally; each mapping's literal starts; the mappings
	 * that can match a path under each first segment (those indexed under it, then those
	 * with a start that ends before its first segment does), and those alone for any
	 * other first segment.
	 */
	private record Index(Set<String> directPaths, Map<RequestMappingInfo, String[]> startsByInfo,
			Map<String, List<Candidate>> bySegment, List<Candidate> anySegment) {

		static Index of(Map<RequestMappingInfo, HandlerMethod> handlers) {
			Set<String> directPaths = new HashSet<>();
			Map<RequestMappingInfo, String[]> startsByInfo = new HashMap<>();
			Map<String, List<Candidate>> bySegment = new HashMap<>();
			List<Candidate> anySegment = new ArrayList<>();
			handlers.forEach((info, handler) -> {
				directPaths.addAll(info.getDirectPaths());
				Candidate candidate = new Candidate(info, handler, literalStarts(info));
				startsByInfo.put(info, candidate.starts());
				Set<String> segments = new HashSet<>();
				for (String start : candidate.starts()) {
					int end = start.indexOf('/', 1);
					if (!start.startsWith("/") || end < 0) {
						segments = null;
						break;
					}
					segments.add(start.substring(1, end));
				}
				if (segments == null) {
					anySegment.add(candidate);
				}
				else {
					segments.forEach(
							segment -> bySegment.computeIfAbsent(segment, key -> new ArrayList<>()).add(candidate));
				}
			});
			Map<String, List<Candidate>> withAny = new HashMap<>();
			bySegment.forEach((segment, under) -> {
				List<Candidate> all = new ArrayList<>(under);
				all.addAll(anySegment);
				withAny.put(segment, List.copyOf(all));
			});
			return new Index(Set.copyOf(directPaths), Map.copyOf(startsByInfo), Map.copyOf(withAny),
					List.copyOf(anySegment));
		}

		/** The mappings that can match {@code path}. */
		List<Candidate> candidates(String path) {
			int end = path.indexOf('/', 1);
			String segment = path.substring(Math.min(1, path.length()), (end < 0) ? path.length() : end);
			return this.bySegment.getOrDefault(segment, this.anySegment);
		}

		/** The literal starts of {@code info}'s patterns. */
		String[] starts(RequestMappingInfo info) {
			String[] starts = this.startsByInfo.get(info);
			return (starts != null) ? starts : literalStarts(info);
		}

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
