package org.xietong.accounts;

/**
 * The page session or API token a request is signed in with: what a password change keeps
 * while it ends every other.
 */
public record ActiveSignIn(String sessionId, String token) {

	public static ActiveSignIn session(String sessionId) {
		return new ActiveSignIn(sessionId, null);
	}

	public static ActiveSignIn token(String token) {
		return new ActiveSignIn(null, token);
	}

}
