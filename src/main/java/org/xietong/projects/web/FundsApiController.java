package org.xietong.projects.web;

import java.io.IOException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xietong.accounts.CurrentUser;
import org.xietong.files.FileDownloads;
import org.xietong.files.StoredFile;
import org.xietong.projects.ProjectFunds;
import org.xietong.shared.DomainException;

@RestController
@Tag(name = "Projects")
class FundsApiController {

	private final ProjectFunds funds;

	FundsApiController(ProjectFunds funds) {
		this.funds = funds;
	}

	@PostMapping("/api/v1/projects/{projectId}/disbursements")
	@Operation(summary = "The project's enterprise records a payment while the project runs: kind CASH or "
			+ "HARDWARE_SOFTWARE, amount > 0, paidOn (not after today in the batch's time zone), reference (1–200 "
			+ "characters). Payments of a kind totalling more than the agreement states: 422 EXCEEDS_AGREEMENT "
			+ "naming amount")
	ProjectFunds.Disbursement pay(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId,
			@RequestBody(required = false) ProjectFunds.Payment body) {
		return this.funds.pay(projectId, user, body);
	}

	@PostMapping(path = "/api/v1/disbursements/{disbursementId}/voucher",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The enterprise attaches the payment's voucher (part file, a PDF or an image), until the "
			+ "university confirms the payment")
	ProjectFunds.Disbursement attachVoucher(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID disbursementId, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		return this.funds.attachVoucher(disbursementId, user, (file == null) ? null : file.getInputStream(),
				(file == null) ? null : file.getOriginalFilename());
	}

	@GetMapping("/api/v1/disbursements/{disbursementId}")
	@Operation(summary = "One payment or delivery, for those who may see its project")
	ProjectFunds.Disbursement disbursement(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID disbursementId) {
		return this.funds.get(disbursementId, user);
	}

	@GetMapping("/api/v1/disbursements/{disbursementId}/voucher")
	@Operation(summary = "A payment's voucher, for those who may see the project")
	ResponseEntity<InputStreamResource> voucher(@AuthenticationPrincipal CurrentUser user,
			@PathVariable UUID disbursementId) {
		StoredFile file = this.funds.voucher(disbursementId, user)
			.orElseThrow(() -> DomainException.notFound("voucher"));
		return FileDownloads.attachment(file, this.funds.open(file));
	}

	@PostMapping("/api/v1/disbursements/{disbursementId}/confirm")
	@Operation(summary = "The project's university confirms that it received the payment (once; again: 409 "
			+ "ILLEGAL_TRANSITION)")
	ProjectFunds.Disbursement confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID disbursementId) {
		return this.funds.confirm(disbursementId, user);
	}

	@GetMapping("/api/v1/projects/{projectId}/funds")
	@Operation(summary = "A project's funds, for those who may see it: cash and hardwareSoftware, each {agreed, "
			+ "paid, confirmed, outstanding}; fundsDueOn; overdue (after fundsDueOn, either kind paid short of the "
			+ "agreement while the project runs); items, the payments in the order they were paid")
	ProjectFunds.FundsView funds(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID projectId) {
		return this.funds.funds(projectId, user);
	}

}
