package org.xietong.approvals.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.approvals.ApprovalListItem;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.projects.ProjectView;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The public approval lists (立项名单): the batches, those with a published list first, and
 * each batch's list with its search, filters, paging and the same list as a spreadsheet
 * and as a PDF notice. Only published projects exist, so everyone sees everything here.
 */
@Controller
class ApprovalListPageController {

	private static final int PAGE_SIZE = 20;

	private final Projects projects;

	private final BatchManagement batches;

	private final ApprovalListExports exports;

	ApprovalListPageController(Projects projects, BatchManagement batches, ApprovalListExports exports) {
		this.projects = projects;
		this.batches = batches;
		this.exports = exports;
	}

	@GetMapping("/approvals")
	String batches(Model model) {
		// Every batch with a published list, newest first; then recent ones without.
		java.util.Map<UUID, Long> counts = this.projects.countsByBatch(null);
		List<PublishedBatch> rows = new ArrayList<>();
		counts.forEach(
				(id, count) -> this.batches.find(id).ifPresent(batch -> rows.add(new PublishedBatch(batch, count))));
		rows.sort(Comparator.comparing((PublishedBatch row) -> row.batch().year())
			.reversed()
			.thenComparing(row -> row.batch().code()));
		for (BatchView batch : this.batches.search(null, 0, 50).items()) {
			if (!counts.containsKey(batch.id())) {
				rows.add(new PublishedBatch(batch, 0));
			}
		}
		model.addAttribute("rows", rows);
		return "approvals/lists";
	}

	@GetMapping("/approvals/{batchId}")
	String list(@PathVariable UUID batchId, ListForm form, @RequestParam(defaultValue = "0") int page, Model model) {
		BatchView batch = batch(batchId);
		PageResult<ProjectView> found = this.projects.search(form.query(batchId), Math.max(page, 0), PAGE_SIZE);
		long all = (form.isEmpty()) ? found.total()
				: this.projects.search(ListForm.none().query(batchId), 0, 1).total();
		model.addAttribute("batch", batch);
		model.addAttribute("form", form);
		model.addAttribute("result", new PageResult<>(found.items().stream().map(ApprovalListItem::of).toList(),
				found.page(), found.size(), found.total()));
		model.addAttribute("published", all);
		return "approvals/list";
	}

	@GetMapping("/approvals/{batchId}/export.xlsx")
	void xlsx(@PathVariable UUID batchId, ListForm form, HttpServletResponse response) throws IOException {
		this.exports.xlsx(batchId, form.query(batchId), response);
	}

	@GetMapping("/approvals/{batchId}/export.pdf")
	void pdf(@PathVariable UUID batchId, ListForm form, HttpServletResponse response) throws IOException {
		this.exports.pdf(batchId, form.query(batchId), response);
	}

	private BatchView batch(UUID batchId) {
		return this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
	}

}
