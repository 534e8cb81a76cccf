package org.xietong.applications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.applications.ReceiptService;
import org.xietong.applications.ReceiptVerification;
import org.xietong.batches.BatchManagement;

/**
 * The public check of a receipt (回执核验): anyone types the receipt's number and digest and
 * reads whether the receipt is valid and what it states. A GET form, so that a result can
 * be linked to.
 */
@Controller
class VerifyPageController {

	private final ReceiptService receipts;

	VerifyPageController(ReceiptService receipts) {
		this.receipts = receipts;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String digest,
			Model model) {
		boolean asked = number != null && !number.isBlank();
		ReceiptVerification result = asked ? this.receipts.verify(number.strip(), digest) : null;
		model.addAttribute("number", (number == null) ? "" : number);
		model.addAttribute("digest", (digest == null) ? "" : digest);
		model.addAttribute("result", result);
		model.addAttribute("zone", BatchManagement.DEFAULT_TIME_ZONE);
		model.addAttribute("keyId", this.receipts.keyId());
		return "applications/verify";
	}

}
