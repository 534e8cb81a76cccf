package org.xietong.shared.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The lists' exports: UTF-8 with a byte order mark so that Excel reads the Chinese, every
 * cell quoted, and no cell that a spreadsheet would run as a formula.
 */
public final class Csv {

	private Csv() {
	}

	public static PrintWriter open(HttpServletResponse response, String fileName, String... headers)
			throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		PrintWriter out = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		out.write('\uFEFF');
		out.print(String.join(",", headers) + "\r\n");
		return out;
	}

	public static void row(PrintWriter out, Object... cells) {
		out.print(Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n");
	}

	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		// A leading = + - @ (or a tab or carriage return before one) would make a
		// spreadsheet run the cell as a formula.
		String safe = (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
