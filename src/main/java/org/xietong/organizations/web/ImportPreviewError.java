package org.xietong.organizations.web;

/**
 * A bad row: its number as Excel shows it, the column, what the cell holds and the reason
 * in the user's language.
 */
public record ImportPreviewError(int row, String column, String value, String reason) {
}
