package org.xietong.organizations.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.organizations.ImportReport;
import org.xietong.organizations.SheetPreview;
import org.xietong.organizations.web.PendingSheets.PendingSheet;
import org.xietong.shared.DomainException;

/**
 * The three steps of every sheet import on the pages: upload a sheet, see what it would
 * do (every bad row, or every row to be created), confirm to import exactly that sheet,
 * all or nothing.
 */
final class SheetImportPages {

	private static final String PASSWORD_COLUMN = "初始密码";

	private final String kind;

	private final String basePath;

	private final String messagePrefix;

	private final List<String> columns;

	private final Importer importer;

	private final MessageSource messages;

	/**
	 * @param kind what is imported, naming the session's pending sheet
	 * @param basePath the list's path; the import pages live under it
	 * @param messagePrefix the prefix of the pages' messages ({@code .title},
	 * {@code .hint})
	 */
	SheetImportPages(String kind, String basePath, String messagePrefix, List<String> columns, Importer importer,
			MessageSource messages) {
		this.kind = kind;
		this.basePath = basePath;
		this.messagePrefix = messagePrefix;
		this.columns = columns.stream().filter(column -> !PASSWORD_COLUMN.equals(column)).toList();
		this.importer = importer;
		this.messages = messages;
	}

	String form(Model model) {
		return form(model, Map.of());
	}

	String preview(UUID owner, MultipartFile file, HttpSession session, Locale locale, Model model,
			HttpServletResponse response) {
		try {
			byte[] content = read(file);
			ImportReport report = this.importer.run(owner, new ByteArrayInputStream(content), true);
			String token = null;
			if (report.valid()) {
				token = PendingSheets.keep(session, this.kind, owner, file.getOriginalFilename(), content);
			}
			else {
				PendingSheets.forget(session, this.kind);
				response.setStatus(422);
			}
			model.addAttribute("preview", preview(file.getOriginalFilename(), content, report, token, locale));
			return "organizations/preview";
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			return form(model, FormErrors.of(ex, this.messages, locale));
		}
	}

	String confirm(UUID owner, String token, HttpSession session, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<PendingSheet> pending = PendingSheets.find(session, this.kind, owner, (token == null) ? "" : token);
		if (pending.isEmpty()) {
			response.setStatus(409);
			return form(model, Map.of(FormErrors.FORM, this.messages.getMessage("import.expired", null, locale)));
		}
		PendingSheet sheet = pending.get();
		PendingSheets.forget(session, this.kind);
		try {
			ImportReport report = this.importer.run(owner, new ByteArrayInputStream(sheet.content()), false);
			if (!report.valid()) {
				// Something changed since the preview (a username was taken meanwhile):
				// nothing was imported, and the rows say why.
				response.setStatus(422);
				model.addAttribute("preview", preview(sheet.fileName(), sheet.content(), report, null, locale));
				return "organizations/preview";
			}
		}
		catch (DomainException ex) {
			response.setStatus(FormErrors.status(ex));
			return form(model, FormErrors.of(ex, this.messages, locale));
		}
		redirect.addFlashAttribute("notice", "import.done");
		return "redirect:" + this.basePath;
	}

	private String form(Model model, Map<String, String> errors) {
		model.addAttribute("basePath", this.basePath);
		model.addAttribute("messagePrefix", this.messagePrefix);
		model.addAttribute("errors", errors);
		return "organizations/import";
	}

	private ImportPreview preview(String fileName, byte[] content, ImportReport report, String token, Locale locale) {
		Map<Integer, Map<String, String>> cells = new HashMap<>();
		List<SheetPreview.Row> rows = List.of();
		try {
			rows = SheetPreview.rows(new ByteArrayInputStream(content));
			rows.forEach(row -> cells.put(row.number(), row.cells()));
		}
		catch (DomainException ex) {
			// The report already says what is wrong with the sheet as a whole.
		}
		List<ImportPreviewError> errors = report.errors()
			.stream()
			.sorted(Comparator.comparingInt(ImportReport.RowError::row))
			.map(error -> new ImportPreviewError(error.row(), error.column(),
					PASSWORD_COLUMN.equals(error.column()) ? ""
							: cells.getOrDefault(error.row(), Map.of()).getOrDefault(error.column(), ""),
					FormErrors.violation(error.code(), error.reason(), this.messages, locale)))
			.toList();
		List<ImportPreviewRow> created = report.valid() ? rows.stream()
			.map(row -> new ImportPreviewRow(row.number(),
					this.columns.stream().map(column -> row.cells().getOrDefault(column, "")).toList()))
			.toList() : List.of();
		return new ImportPreview(this.basePath, this.messagePrefix, fileName, report.rows(), this.columns, created,
				errors, token);
	}

	private static byte[] read(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("file", "REQUIRED", "choose a sheet");
		}
		if (file.getSize() > PendingSheets.MAX_BYTES) {
			throw new DomainException(413, "FILE_TOO_LARGE", "larger than 5 MB", 5);
		}
		try (InputStream in = file.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs an import for an owner: only reports with {@code dryRun}. */
	@FunctionalInterface
	interface Importer {

		ImportReport run(UUID owner, InputStream content, boolean dryRun);

	}

}
