package org.xietong.guides.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.guides.CataloguePage;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideManagement;
import org.xietong.guides.GuideQuery;
import org.xietong.guides.GuideView;
import org.xietong.guides.SubmissionPreview;
import org.xietong.guides.SubmittedGuides;
import org.xietong.shared.DomainException;

@RestController
@Tag(name = "Project guides")
class GuidesApiController {

	private final GuideManagement guides;

	private final GuideCatalogue catalogue;

	private final MessageSource messages;

	GuidesApiController(GuideManagement guides, GuideCatalogue catalogue, MessageSource messages) {
		this.guides = guides;
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@PostMapping("/api/v1/batches/{batchId}/guides")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft a guide of the caller's enterprise in a batch (enterprise contact). Refused with "
			+ "GUIDE_BELOW_TYPE_MINIMUM (422, naming the field) below the type's minimum per project")
	GuideView create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId,
			@RequestBody GuideRequest body) {
		return this.guides.create(batchId, GuideAccess.enterpriseOf(user), body.details());
	}

	@PutMapping("/api/v1/guides/{id}")
	@Operation(summary = "Change a draft or returned guide of the caller's enterprise; send the version read "
			+ "(an older one: 409 VERSION_CONFLICT)")
	GuideView update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestBody GuideRequest body) {
		return this.guides.update(id, GuideAccess.enterpriseOf(user), body.version(), body.details());
	}

	@GetMapping("/api/v1/guides/{id}")
	@Operation(summary = "A guide: published ones for everyone, the enterprise's own in every status, all for the "
			+ "department; otherwise 404")
	GuideView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		GuideView guide = this.catalogue.find(id).orElseThrow(() -> DomainException.notFound("guide"));
		return GuideAccess.readable(user, guide);
	}

	@GetMapping("/api/v1/batches/{batchId}/guides/submission")
	@Operation(summary = "Before submitting: the window, the enterprise's eligibility, its cash against the "
			+ "batch's minimum (counting what the submission adds) and each guide's type minimum (enterprise contact)")
	SubmissionPreview preview(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId) {
		return this.guides.preview(batchId, GuideAccess.enterpriseOf(user));
	}

	@PostMapping("/api/v1/batches/{batchId}/guides/submit")
	@Operation(summary = "Submit all the enterprise's draft and returned guides of the batch at once, inside the "
			+ "guide-submission window (else 409 WINDOW_CLOSED); refused with ENTERPRISE_NOT_ELIGIBLE (the failing "
			+ "conditions in errors) or ENTERPRISE_CASH_BELOW_MINIMUM")
	SubmittedGuides submit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID batchId) {
		return this.guides.submit(batchId, GuideAccess.enterpriseOf(user));
	}

	@PostMapping("/api/v1/guides/{id}/withdraw")
	@Operation(summary = "Withdraw a guide of the caller's enterprise; possible until it is published")
	GuideView withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.guides.withdraw(id, GuideAccess.enterpriseOf(user));
	}

	@PostMapping("/api/v1/guides/{id}/approve")
	@Operation(summary = "Approve a submitted guide (department)")
	GuideView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		GuideAccess.requireDepartment(user);
		return this.guides.approve(id);
	}

	@PostMapping("/api/v1/guides/{id}/return")
	@Operation(summary = "Return a submitted guide to its enterprise with a reason (department)")
	GuideView returnForCorrection(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody Reason body) {
		GuideAccess.requireDepartment(user);
		return this.guides.returnForCorrection(id, body.reason());
	}

	@GetMapping("/api/v1/guides")
	@Operation(summary = "The catalogue, paged: the public sees published guides only; an enterprise contact its "
			+ "own in every status with mine=true; the department every guide, filtered by status. sort: newest "
			+ "(default), cash (per project, most first), title; enterprise: an id or part of the name; minCash: "
			+ "the least cash per project; q: title, enterprise name and description. Deep pages: send the answer's "
			+ "next as after (keyset; page is then only echoed); a cursor not written for this sort: 422 "
			+ "INVALID_CURSOR")
	CataloguePage list(@AuthenticationPrincipal CurrentUser user, @ParameterObject CatalogueFilter filter,
			@Parameter(description = "an enterprise contact's own guides") @RequestParam(
					defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@Parameter(description = "the next cursor of the previous page") @RequestParam(
					required = false) String after) {
		CataloguePage found = this.catalogue.page(filter.query(scope(user, mine)), page, size, after);
		return (GuideAccess.isDepartment(user) || mine) ? found : found.map(GuideView::forPublic);
	}

	@GetMapping("/api/v1/guides.xlsx")
	@Operation(summary = "The same list as a spreadsheet, every page of it (up to 100,000 guides)")
	void export(@AuthenticationPrincipal CurrentUser user, @ParameterObject CatalogueFilter filter,
			@RequestParam(defaultValue = "false") boolean mine, jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		GuideQuery query = filter.query(scope(user, mine));
		Locale locale = RequestContextUtils.getLocale(request);
		GuideWorkbook.send(response, "guides.xlsx", this.messages, locale, rows -> this.catalogue.forEach(query, rows));
	}

	/** Whose guides the caller sees. */
	static GuideQuery scope(CurrentUser user, boolean mine) {
		if (mine) {
			if (user == null || !user.has(Role.ENTERPRISE_CONTACT)) {
				throw new AccessDeniedException("mine=true is for an enterprise contact");
			}
			return GuideQuery.own(user.organizationId());
		}
		return GuideAccess.isDepartment(user) ? GuideQuery.all() : GuideQuery.published();
	}

	record Reason(String reason) {
	}

}
