package org.xietong.accounts;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Paths that anyone may reach without signing in, contributed as beans by the modules
 * that own them; everything else needs a signed-in user.
 */
public interface PublicPaths {

	List<PublicPath> paths();

	/**
	 * A path pattern, for one HTTP method or ({@code null}) all.
	 */
	record PublicPath(HttpMethod method, String pattern) {

		public static PublicPath any(String pattern) {
			return new PublicPath(null, pattern);
		}

		public static PublicPath get(String pattern) {
			return new PublicPath(HttpMethod.GET, pattern);
		}

		public static PublicPath post(String pattern) {
			return new PublicPath(HttpMethod.POST, pattern);
		}

		boolean isApi() {
			return this.pattern.startsWith("/api/");
		}

	}

}
