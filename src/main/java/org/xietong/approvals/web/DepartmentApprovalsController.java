package org.xietong.approvals.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationView;
import org.xietong.approvals.ApprovalPublication;
import org.xietong.approvals.Approvals;
import org.xietong.approvals.Decision;
import org.xietong.approvals.QueueItem;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

/**
 * The department's approval pages (立项审核): a batch's queue of recommended applications
 * with its progress, filters, batch decisions (all or none), the approval notice and the
 * publication of the approval list; and one page per application with its checks, its
 * decision and every action the decision's state allows. Every refusal comes back on the
 * page, whole.
 */
@Controller
class DepartmentApprovalsController {

	static final int PAGE_SIZE = 20;

	private static final String BASE = "/department/approvals";

	private final Approvals approvals;

	private final ApprovalPublication publication;

	private final BatchManagement batches;

	private final ApplicationQueries applications;

	private final NoticeBoard notices;

	private final ApprovalPageSupport support;

	DepartmentApprovalsController(Approvals approvals, ApprovalPublication publication, BatchManagement batches,
			ApplicationQueries applications, NoticeBoard notices, ApprovalPageSupport support) {
		this.approvals = approvals;
		this.publication = publication;
		this.batches = batches;
		this.applications = applications;
		this.notices = notices;
		this.support = support;
	}

	// The queue.

	@GetMapping(BASE)
	String queue(@AuthenticationPrincipal CurrentUser user, QueueForm form, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model, HttpServletResponse response) {
		ApprovalPageSupport.requireDepartment(user);
		if (form.batch() == null) {
			List<BatchProgress> rows = new ArrayList<>();
			for (BatchView batch : this.batches.search(null, 0, 50).items()) {
				rows.add(new BatchProgress(batch, this.approvals.progress(batch.id())));
			}
			model.addAttribute("rows", rows);
			return "approvals/choose";
		}
		return render(user, form, page, Extras.none(), locale, model, response);
	}

	@GetMapping(BASE + ".csv")
	void queueCsv(@AuthenticationPrincipal CurrentUser user, QueueForm form, HttpServletResponse response)
			throws IOException {
		ApprovalPageSupport.requireDepartment(user);
		UUID batchId = batchOf(form);
		Approvals.QueueFilter filter = form.filter();
		// Read before answering: a refusal is still an error page.
		this.approvals.queue(batchId, user, filter, 0, 1);
		QueueCsv.send(response, "approval-queue.csv", sink -> this.approvals.forEach(batchId, user, filter, sink));
	}

	/** Decides the checked applications the same way, all or none. */
	@PostMapping(BASE + "/decisions")
	String decide(@AuthenticationPrincipal CurrentUser user, QueueForm form, @RequestParam(defaultValue = "0") int page,
			@RequestParam(name = "applicationId", required = false) List<String> chosen,
			@RequestParam(required = false) String action, @RequestParam(required = false) String reason, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ApprovalPageSupport.requireDepartment(user);
		UUID batchId = batchOf(form);
		List<String> typed = (chosen == null) ? List.of() : chosen;
		try {
			List<UUID> ids = new ArrayList<>();
			for (String id : typed) {
				ids.add(uuid(id, "applicationIds"));
			}
			this.approvals.decideAll(batchId, user, ids, action(action), reason);
		}
		catch (DomainException ex) {
			return render(user, form, page, new Extras("decide", ex, typed, action, reason, null, null), locale, model,
					response);
		}
		redirect.addFlashAttribute("notice", "approvals.page.done.decided");
		return "redirect:" + queuePath(form, page);
	}

	/**
	 * Opens the APPROVALS notice with every approval of the batch not yet under a notice.
	 */
	@PostMapping(BASE + "/notice")
	String openNotice(@AuthenticationPrincipal CurrentUser user, QueueForm form,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ApprovalPageSupport.requireDepartment(user);
		UUID batchId = batchOf(form);
		try {
			List<UUID> awaiting = new ArrayList<>();
			this.approvals.forEach(batchId, user, Approvals.QueueFilter.none(), item -> {
				if (("APPROVED".equals(item.state()) || "KEY".equals(item.state()))
						&& item.decision().noticedAt() == null) {
					awaiting.add(item.applicationId());
				}
			});
			if (awaiting.isEmpty()) {
				throw DomainException.invalid("subjectIds", "NOTHING_TO_NOTICE", "no approval awaits a notice");
			}
			this.notices.open(batchId, NoticeKind.APPROVALS, title, body, awaiting, user.organizationId(),
					user.username());
		}
		catch (DomainException ex) {
			return render(user, form, 0, new Extras("notice", ex, List.of(), null, null, title, body), locale, model,
					response);
		}
		redirect.addFlashAttribute("notice", "approvals.page.done.noticeOpened");
		return "redirect:" + queuePath(form, 0);
	}

	/** Publishes the approval list, once confirmed. */
	@PostMapping(BASE + "/publish")
	String publish(@AuthenticationPrincipal CurrentUser user, QueueForm form,
			@RequestParam(required = false) String confirm, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ApprovalPageSupport.requireDepartment(user);
		UUID batchId = batchOf(form);
		try {
			if (!"yes".equals(confirm)) {
				throw DomainException.invalid("confirm", "REQUIRED", "confirm the publication");
			}
			this.publication.publish(batchId, user);
		}
		catch (DomainException ex) {
			return render(user, form, 0, new Extras("publish", ex, List.of(), null, null, null, null), locale, model,
					response);
		}
		redirect.addFlashAttribute("notice", "approvals.page.done.published");
		return "redirect:" + BASE + "?batchId=" + batchId + "#publish";
	}

	// One application.

	@GetMapping(BASE + "/{applicationId}")
	String item(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId, Locale locale, Model model,
			HttpServletResponse response) {
		ApprovalPageSupport.requireDepartment(user);
		return renderItem(user, applicationId, null, null, locale, model, response);
	}

	@PostMapping(BASE + "/{applicationId}/approve")
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestParam(defaultValue = "false") boolean key, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, applicationId, () -> this.approvals.approve(applicationId, user, key), null,
				key ? "approvals.page.done.approvedKey" : "approvals.page.done.approved", locale, model, response,
				redirect);
	}

	@PostMapping(BASE + "/{applicationId}/reject")
	String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, applicationId, () -> this.approvals.reject(applicationId, user, reason),
				new Typed("reject", reason), "approvals.page.done.rejected", locale, model, response, redirect);
	}

	@PostMapping(BASE + "/{applicationId}/revert")
	String revert(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID applicationId,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(user, applicationId, () -> this.approvals.revert(applicationId, user, reason),
				new Typed("revert", reason), "approvals.page.done.reverted", locale, model, response, redirect);
	}

	/**
	 * Takes one decision on the item page: back to the page with a notice, or the page
	 * again with the refusal and what was typed.
	 */
	private String act(CurrentUser user, UUID applicationId, Runnable decision, Typed typed, String done, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ApprovalPageSupport.requireDepartment(user);
		try {
			decision.run();
		}
		catch (DomainException ex) {
			return renderItem(user, applicationId, ex, typed, locale, model, response);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:" + BASE + "/" + applicationId;
	}

	// Rendering.

	private String render(CurrentUser user, QueueForm form, int page, Extras extras, Locale locale, Model model,
			HttpServletResponse response) {
		UUID batchId = batchOf(form);
		BatchView batch = this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
		PageResult<QueueItem> result = this.approvals.queue(batchId, user, form.filter(), Math.max(page, 0), PAGE_SIZE);
		Approvals.Progress progress = this.approvals.progress(batchId);
		List<NoticeView> notices = this.notices.search(batchId, NoticeKind.APPROVALS, null, 0, 20).items();
		Set<UUID> decidable = new HashSet<>();
		result.items()
			.stream()
			.filter(DepartmentApprovalsController::decidable)
			.forEach(item -> decidable.add(item.applicationId()));
		ApprovalPageSupport.Refusal refusal = ApprovalPageSupport.Refusal.none();
		if (extras.refused() != null) {
			refusal = this.support.refusal(extras.refused(), locale, titles(result, extras.selected(), user));
			response.setStatus(refusal.status());
		}
		model.addAttribute("batch", batch);
		model.addAttribute("zone", batch.timeZone());
		model.addAttribute("form", form);
		model.addAttribute("result", result);
		model.addAttribute("progress", progress);
		model.addAttribute("notices", notices);
		model.addAttribute("decidable", decidable);
		model.addAttribute("selected", new HashSet<>(extras.selected()));
		model.addAttribute("action", (extras.action() == null) ? "" : extras.action());
		model.addAttribute("reason", (extras.reason() == null) ? "" : extras.reason());
		model.addAttribute("noticeTitle", (extras.noticeTitle() != null) ? extras.noticeTitle()
				: this.support.message("approvals.page.notice.defaultTitle", locale, batch.title()));
		model.addAttribute("noticeBody", (extras.noticeBody() != null) ? extras.noticeBody()
				: this.support.message("approvals.page.notice.defaultBody", locale, batch.rules().noticeWorkingDays()));
		model.addAttribute("section", (extras.section() == null) ? "" : extras.section());
		model.addAttribute("errors", refusal.errors());
		model.addAttribute("problems", refusal.lines());
		model.addAttribute("page", result.page());
		return "approvals/queue";
	}

	private String renderItem(CurrentUser user, UUID applicationId, DomainException refused, Typed typed, Locale locale,
			Model model, HttpServletResponse response) {
		QueueItem item = this.approvals.item(applicationId, user);
		ApplicationView application = this.applications.get(applicationId, user);
		BatchView batch = this.batches.find(application.batchId()).orElseThrow();
		ApprovalPageSupport.Refusal refusal = ApprovalPageSupport.Refusal.none();
		if (refused != null) {
			refusal = this.support.refusal(refused, locale, List.of(item.title()));
			response.setStatus(refusal.status());
		}
		model.addAttribute("item", item);
		model.addAttribute("application", application);
		model.addAttribute("batch", batch);
		model.addAttribute("zone", batch.timeZone());
		model.addAttribute("actions", ItemActions.of(item));
		model.addAttribute("quota", this.approvals.keyQuota(batch.id()));
		model.addAttribute("typedAction", (typed == null) ? "" : typed.action());
		model.addAttribute("reason", (typed == null || typed.reason() == null) ? "" : typed.reason());
		model.addAttribute("errors", refusal.errors());
		model.addAttribute("problems", refusal.lines());
		return "approvals/item";
	}

	/** The titles a refusal's lines may begin with: those shown and those checked. */
	private Set<String> titles(PageResult<QueueItem> result, List<String> selected, CurrentUser user) {
		Set<String> titles = new LinkedHashSet<>();
		Set<String> shown = new HashSet<>();
		result.items().forEach(item -> {
			titles.add(item.title());
			shown.add(item.applicationId().toString());
		});
		for (String id : selected) {
			if (!shown.contains(id)) {
				try {
					titles.add(this.approvals.item(UUID.fromString(id), user).title());
				}
				catch (DomainException | IllegalArgumentException ex) {
					// Not an application: its line names it by its id.
				}
			}
		}
		return titles;
	}

	/**
	 * Whether a batch decision may take the item: recommended, not decided yet, or
	 * decided and never under a notice, not published, not decided by an upheld
	 * objection.
	 */
	static boolean decidable(QueueItem item) {
		if (!"RECOMMENDED".equals(item.status())) {
			return false;
		}
		Decision decision = item.decision();
		return decision == null || (!decision.published() && !decision.underOpenNotice() && !decision.objectionUpheld()
				&& decision.noticedAt() == null);
	}

	private static UUID batchOf(QueueForm form) {
		UUID batchId = form.batch();
		if (batchId == null) {
			throw DomainException.notFound("batch");
		}
		return batchId;
	}

	private static String queuePath(QueueForm form, int page) {
		return BASE + "?batchId=" + form.batch() + form.queryString() + ((page > 0) ? "&page=" + page : "");
	}

	private static Approvals.Action action(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Approvals.Action.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("action", "INVALID", "APPROVE_GENERAL, APPROVE_KEY or REJECT");
		}
	}

	private static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(field, "INVALID", "not an id");
		}
	}

	/**
	 * What a request adds to the queue: the section it concerns with its refusal, and
	 * what was typed there.
	 */
	private record Extras(String section, DomainException refused, List<String> selected, String action, String reason,
			String noticeTitle, String noticeBody) {

		static Extras none() {
			return new Extras(null, null, List.of(), null, null, null, null);
		}

	}

	/** What was typed into one of the item page's forms. */
	private record Typed(String action, String reason) {
	}

}
