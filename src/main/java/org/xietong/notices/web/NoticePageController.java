package org.xietong.notices.web;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.notices.NewObjection;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeBoard.Evidence;
import org.xietong.notices.NoticeView;
import org.xietong.notices.ObjectionView;
import org.xietong.shared.DomainException;

/**
 * The public notice board: open and past notices, each with its subjects, period and
 * decided objections; the objection form for anyone; decisions and closing for the
 * responsible party.
 */
@Controller
class NoticePageController {

	private final NoticeBoard board;

	private final MessageSource messages;

	private final ZoneId zone;

	NoticePageController(NoticeBoard board, MessageSource messages, Clock clock) {
		this.board = board;
		this.messages = messages;
		this.zone = clock.getZone();
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String shown = ("OPEN".equals(status) || "CLOSED".equals(status)) ? status : null;
		model.addAttribute("status", shown == null ? "" : shown);
		model.addAttribute("result", this.board.search(null, null, shown, Math.max(page, 0), 20));
		model.addAttribute("time", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone));
		return "notices/list";
	}

	@GetMapping("/notices/{id}")
	String show(@PathVariable UUID id, Model model) {
		return render(id, model, Map.of(), new ObjectionForm(null, "", "", "", ""));
	}

	@PostMapping("/notices/{id}/objections")
	String object(@PathVariable UUID id, ObjectionForm form,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> evidence, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
		List<Evidence> files = new ArrayList<>();
		if (evidence != null) {
			for (MultipartFile file : evidence) {
				if (!file.isEmpty()) {
					files.add(new Evidence(file.getOriginalFilename(), file.getInputStream()));
				}
			}
		}
		try {
			this.board.object(id,
					new NewObjection(form.subjectId(), form.name(), form.phone(), form.email(), form.reason()), files,
					request.getRemoteAddr());
		}
		catch (DomainException ex) {
			if (ex.violations().isEmpty()) {
				throw ex;
			}
			var locale = RequestContextUtils.getLocale(request);
			response.setStatus(422);
			return render(id, model,
					ex.violations()
						.stream()
						.collect(Collectors.toMap(v -> v.field(),
								v -> this.messages.getMessage("violation." + v.code(), null, v.message(), locale),
								(a, b) -> a)),
					form);
		}
		redirect.addFlashAttribute("notice", "notices.objectionFiled");
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/objections/{objectionId}/decide")
	String decide(@PathVariable UUID objectionId, @RequestParam String outcome, @RequestParam String response,
			RedirectAttributes redirect) {
		CurrentUser user = responsible();
		ObjectionView decided = this.board.decide(objectionId, "UPHELD".equals(outcome), response,
				user.organizationId(), user.username());
		redirect.addFlashAttribute("notice", "notices.decided");
		return "redirect:/notices/" + decided.noticeId();
	}

	@PostMapping("/notices/{id}/close")
	String close(@PathVariable UUID id, RedirectAttributes redirect) {
		CurrentUser user = responsible();
		this.board.close(id, user.organizationId());
		redirect.addFlashAttribute("notice", "notices.closedNotice");
		return "redirect:/notices/" + id;
	}

	private String render(UUID id, Model model, Map<String, String> errors, ObjectionForm form) {
		NoticeView notice = this.board.find(id).orElseThrow(() -> DomainException.notFound("notice"));
		boolean responsible = CurrentUser.get()
			.filter(user -> notice.openerOrganizationId().equals(user.organizationId()))
			.filter(user -> user.has(Role.DEPARTMENT_OFFICER) || user.has(Role.ENTERPRISE_CONTACT))
			.isPresent();
		List<ObjectionView> objections = this.board.objections(id)
			.stream()
			.filter(objection -> responsible || !"OPEN".equals(objection.status()))
			.map(objection -> responsible ? objection : objection.forPublic())
			.toList();
		model.addAttribute("notice", notice);
		model.addAttribute("objections", objections);
		model.addAttribute("responsible", responsible);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("time", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone));
		return "notices/show";
	}

	private static CurrentUser responsible() {
		return CurrentUser.get()
			.filter(user -> user.has(Role.DEPARTMENT_OFFICER) || user.has(Role.ENTERPRISE_CONTACT))
			.orElseThrow(() -> new AccessDeniedException("only the responsible party decides"));
	}

}
