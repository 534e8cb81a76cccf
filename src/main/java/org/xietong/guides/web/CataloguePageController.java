package org.xietong.guides.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.accounts.CurrentUser;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.guides.CataloguePage;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideQuery;
import org.xietong.guides.GuideSort;
import org.xietong.guides.GuideView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The public catalogue of published guides, with every filter as a GET form, and each
 * guide's own page with what a teacher needs to apply, and what its enterprise or the
 * department may do to it.
 */
@Controller
class CataloguePageController {

	private static final int PAGE_SIZE = 20;

	private final GuideCatalogue catalogue;

	private final BatchManagement batches;

	private final GuidePageSupport support;

	private final GuidePage page;

	CataloguePageController(GuideCatalogue catalogue, BatchManagement batches, GuidePageSupport support,
			GuidePage page) {
		this.catalogue = catalogue;
		this.batches = batches;
		this.support = support;
		this.page = page;
	}

	@GetMapping("/catalogue")
	String catalogue(CatalogueFilter filter, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String after, Locale locale, Model model, HttpServletResponse response) {
		List<BatchView> recent = this.batches.search(null, 0, 50).items();
		BatchView chosen = recent.stream().filter(batch -> filter.isBatch(batch.id())).findFirst().orElse(null);
		BatchRules rules = (chosen == null) ? BatchRules.notice2024() : chosen.rules();
		PageResult<GuideView> result;
		String next = null;
		Map<String, String> errors = Map.of();
		try {
			// The next link carries the keyset cursor, so that paging on stays as fast as
			// the first page.
			CataloguePage found = this.catalogue.page(filter.query(GuideQuery.published()), Math.max(page, 0),
					PAGE_SIZE, after);
			result = found.asPageResult();
			next = found.next();
		}
		catch (DomainException ex) {
			errors = new LinkedHashMap<>(this.support.errors(ex, locale));
			if (errors.containsKey("after")) {
				errors.put(GuidePageSupport.FORM, errors.get("after"));
			}
			response.setStatus(GuidePageSupport.status(ex));
			result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
		}
		model.addAttribute("filter", filter);
		model.addAttribute("batches", recent);
		model.addAttribute("types", List.of(ProjectType.values()));
		model.addAttribute("directions", rules.directions());
		model.addAttribute("industries", rules.industries());
		model.addAttribute("sorts", List.of(GuideSort.values()));
		model.addAttribute("result", result);
		model.addAttribute("errors", errors);
		model.addAttribute("next", next);
		return "guides/catalogue";
	}

	@GetMapping("/catalogue.xlsx")
	void export(CatalogueFilter filter, Locale locale, HttpServletResponse response) throws IOException {
		GuideQuery query = filter.query(GuideQuery.published());
		GuideWorkbook.send(response, "guides.xlsx", this.support.messages(), locale,
				rows -> this.catalogue.forEach(query, rows));
	}

	@GetMapping("/guides/" + GuidesWebConfiguration.GUIDE_ID)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		GuideView guide = GuideAccess.readable(user,
				this.catalogue.find(id).orElseThrow(() -> DomainException.notFound("guide")));
		return this.page.render(user, guide, Map.of(), "", model);
	}

}
