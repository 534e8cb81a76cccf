package org.xietong.organizations.web;

import java.util.List;

/** A row that the import will create: its number in the sheet and its cells to show. */
public record ImportPreviewRow(int number, List<String> values) {
}
