package org.xietong.reporting.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xietong.accounts.PublicPaths;
import org.xietong.reporting.PublicSummary;

/**
 * A batch's published figures for anyone: the fragment its public page loads, and the
 * same as JSON.
 */
@Controller
@Tag(name = "Statistics")
class PublicSummaryController implements PublicPaths {

	private final PublicSummary summary;

	PublicSummaryController(PublicSummary summary) {
		this.summary = summary;
	}

	@Override
	public List<PublicPath> paths() {
		return List.of(PublicPath.get("/batches/*/summary"), PublicPath.get("/api/v1/batches/*/summary"));
	}

	@GetMapping("/batches/{batchId}/summary")
	String fragment(@PathVariable UUID batchId, Model model) {
		model.addAttribute("summary", this.summary.of(batchId));
		return "reporting/summary";
	}

	@GetMapping("/api/v1/batches/{batchId}/summary")
	@ResponseBody
	@Operation(summary = "A batch's published figures, for anyone: guides published and their enterprises, the "
			+ "projects of the published approval list (key projects, the cash and hardware/software they carry) and "
			+ "the projects of the published completion list")
	PublicSummary.Summary json(@PathVariable UUID batchId) {
		return this.summary.of(batchId);
	}

}
