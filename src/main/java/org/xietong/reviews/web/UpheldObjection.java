package org.xietong.reviews.web;

/** An objection upheld against a selected application: which, and the answer given. */
public record UpheldObjection(String title, String response) {
}
