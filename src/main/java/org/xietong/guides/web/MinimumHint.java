package org.xietong.guides.web;

/**
 * The line under a guide's amounts that says, as the enterprise types, whether the type's
 * minimum per project is met: {@code met}, {@code short}, or {@code none} when there is
 * nothing to judge yet.
 */
public record MinimumHint(String state, String text) {

	public String cssClass() {
		return switch (this.state) {
			case "met" -> "alert success";
			case "short" -> "alert error";
			default -> "muted";
		};
	}

}
