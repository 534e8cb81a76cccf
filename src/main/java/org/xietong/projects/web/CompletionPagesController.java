package org.xietong.projects.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.projects.CompletionList;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The public completion lists (结题名单): the batches, those with completed projects first,
 * and each batch's list, searched and paged, also as a spreadsheet (from the page and the
 * API); the public check of a completion certificate (证书核验); and a completed project's
 * certificate as a PDF for those who may see the project.
 */
@Controller
class CompletionPagesController {

	private static final int PAGE_SIZE = 20;

	private final CompletionList completionList;

	private final Projects projects;

	private final BatchManagement batches;

	private final MessageSource messages;

	CompletionPagesController(CompletionList completionList, Projects projects, BatchManagement batches,
			MessageSource messages) {
		this.completionList = completionList;
		this.projects = projects;
		this.batches = batches;
		this.messages = messages;
	}

	@GetMapping("/completions")
	String batches(Model model) {
		// Every batch with a published completion list, newest first; then recent ones
		// without.
		java.util.Map<UUID, Long> counts = this.projects.countsByBatch(org.xietong.projects.ProjectStatus.COMPLETED);
		List<CompletionBatch> rows = new ArrayList<>();
		counts.forEach(
				(id, count) -> this.batches.find(id).ifPresent(batch -> rows.add(new CompletionBatch(batch, count))));
		rows.sort(Comparator.comparing((CompletionBatch row) -> row.batch().year())
			.reversed()
			.thenComparing(row -> row.batch().code()));
		for (BatchView batch : this.batches.search(null, 0, 50).items()) {
			if (!counts.containsKey(batch.id())) {
				rows.add(new CompletionBatch(batch, 0));
			}
		}
		model.addAttribute("rows", rows);
		return "projects/completions";
	}

	@GetMapping("/completions/{batchId}")
	String list(@PathVariable UUID batchId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		BatchView batch = batch(batchId);
		String text = (q == null || q.isBlank()) ? null : q.strip();
		PageResult<CompletionList.Item> result = this.completionList.list(batchId, text, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("batch", batch);
		model.addAttribute("q", (q == null) ? "" : q);
		model.addAttribute("query", (text == null) ? "" : "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
		model.addAttribute("result", result);
		model.addAttribute("all",
				(text == null) ? result.total() : this.completionList.list(batchId, null, 0, 1).total());
		return "projects/completion-list";
	}

	@GetMapping("/completions/{batchId}/export.xlsx")
	void xlsx(@PathVariable UUID batchId, @RequestParam(required = false) String q, HttpServletResponse response)
			throws IOException {
		sendXlsx(batchId, q, response);
	}

	@GetMapping("/api/v1/batches/{batchId}/completions.xlsx")
	void apiXlsx(@PathVariable UUID batchId, @RequestParam(required = false) String q, HttpServletResponse response)
			throws IOException {
		sendXlsx(batchId, q, response);
	}

	private void sendXlsx(UUID batchId, String q, HttpServletResponse response) throws IOException {
		BatchView batch = batch(batchId);
		String text = (q == null || q.isBlank()) ? null : q.strip();
		response.setContentType(CompletionListWorkbook.MEDIA_TYPE);
		attachment(response, batch.code() + "-completions.xlsx");
		CompletionListWorkbook.write(response.getOutputStream(), batch.title() + " 结题名单", this.messages,
				batch.timeZone(), sink -> this.completionList.forEach(batchId, text, sink));
	}

	@GetMapping("/verify/certificates")
	String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
			Model model) {
		boolean asked = number != null && !number.isBlank();
		model.addAttribute("number", (number == null) ? "" : number);
		model.addAttribute("code", (code == null) ? "" : code);
		model.addAttribute("result",
				asked ? this.completionList.verify(number.strip(), (code == null) ? "" : code.strip()) : null);
		model.addAttribute("zone", ProjectDisplay.zone());
		return "projects/verify-certificate";
	}

	@GetMapping("/projects/{id}/certificate.pdf")
	void certificate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse response)
			throws IOException {
		sendCertificate(user, id, response);
	}

	@GetMapping("/api/v1/projects/{id}/certificate.pdf")
	void apiCertificate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse response)
			throws IOException {
		sendCertificate(user, id, response);
	}

	private void sendCertificate(CurrentUser user, UUID id, HttpServletResponse response) throws IOException {
		if (user == null) {
			throw new AccessDeniedException("sign in");
		}
		ProjectView project = this.projects.get(id, user);
		CompletionList.Certificate certificate = this.completionList.certificate(id)
			.orElseThrow(() -> DomainException.notFound("certificate"));
		BatchView batch = this.batches.find(project.batchId()).orElse(null);
		String verifyUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/verify/certificates")
			.toUriString();
		response.setContentType("application/pdf");
		attachment(response, certificate.number() + ".pdf");
		CertificatePdf.write(response.getOutputStream(), project, certificate,
				(batch == null) ? ProjectDisplay.zone() : batch.timeZone(), verifyUrl);
	}

	private BatchView batch(UUID batchId) {
		return this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

}
