package org.xietong.web;

/** A menu entry: a message key and where it leads. */
public record NavItem(String labelKey, String href) {
}
