package org.xietong.notices.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.notices.NewObjection;
import org.xietong.notices.NoticeBoard;
import org.xietong.notices.NoticeBoard.Evidence;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeView;
import org.xietong.notices.ObjectionView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

@RestController
@Tag(name = "Public notices and objections")
class NoticesApiController {

	private final NoticeBoard board;

	NoticesApiController(NoticeBoard board) {
		this.board = board;
	}

	@PostMapping("/api/v1/notices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a public notice: the department for guides, approvals, completions and general "
			+ "notices; an enterprise for its review results")
	NoticeView open(@AuthenticationPrincipal CurrentUser user, @RequestBody OpenNotice body) {
		NoticeKind kind = parseKind(body.kind());
		boolean allowed = kind.openedByEnterprise() ? user.has(Role.ENTERPRISE_CONTACT)
				: user.has(Role.DEPARTMENT_OFFICER);
		if (!allowed) {
			throw new AccessDeniedException("this role does not open " + kind + " notices");
		}
		return this.board.open(body.batchId(), kind, body.title(), body.body(), body.subjectIds(),
				user.organizationId(), user.username());
	}

	@GetMapping("/api/v1/notices")
	@Operation(summary = "Notices, newest first (public)")
	PageResult<NoticeView> list(@RequestParam(required = false) UUID batchId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.board.search(batchId, (kind == null || kind.isBlank()) ? null : parseKind(kind), status, page,
				size);
	}

	@GetMapping("/api/v1/notices/{id}")
	@Operation(summary = "A notice with its subjects (public)")
	NoticeView get(@PathVariable UUID id) {
		return this.board.find(id).orElseThrow(() -> DomainException.notFound("notice"));
	}

	@GetMapping("/api/v1/notices/{id}/objections")
	@Operation(summary = "Objections: all with the objectors' details for the responsible party; the decided ones, "
			+ "without personal details, for everyone else")
	List<ObjectionView> objections(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		NoticeView notice = get(id);
		boolean responsible = user != null && notice.openerOrganizationId().equals(user.organizationId())
				&& (user.has(Role.DEPARTMENT_OFFICER) || user.has(Role.ENTERPRISE_CONTACT));
		return this.board.objections(id)
			.stream()
			.filter(objection -> responsible || !"OPEN".equals(objection.status()))
			.map(objection -> responsible ? objection : objection.forPublic())
			.toList();
	}

	@PostMapping(path = "/api/v1/notices/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Object to a subject of an open notice, under a real name with a phone number (public)")
	ObjectionView object(@PathVariable UUID id, @RequestBody NewObjection body, HttpServletRequest request) {
		return this.board.object(id, body, List.of(), request.getRemoteAddr()).forPublic();
	}

	@PostMapping(path = "/api/v1/notices/{id}/objections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Object with evidence files (multipart: subjectId, name, phone, email, reason, evidence)")
	ObjectionView objectWithEvidence(@PathVariable UUID id, @RequestParam UUID subjectId, @RequestParam String name,
			@RequestParam String phone, @RequestParam(required = false) String email, @RequestParam String reason,
			@RequestPart(name = "evidence", required = false) List<MultipartFile> evidence, HttpServletRequest request)
			throws IOException {
		List<Evidence> files = new ArrayList<>();
		if (evidence != null) {
			for (MultipartFile file : evidence) {
				if (!file.isEmpty()) {
					files.add(new Evidence(file.getOriginalFilename(), file.getInputStream()));
				}
			}
		}
		return this.board
			.object(id, new NewObjection(subjectId, name, phone, email, reason), files, request.getRemoteAddr())
			.forPublic();
	}

	@PostMapping("/api/v1/objections/{id}/decide")
	@Operation(summary = "Decide an objection: UPHELD (the subject is revoked) or DISMISSED, with a written answer")
	ObjectionView decide(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestBody Decision body) {
		requireResponsibleRole(user);
		if (!"UPHELD".equals(body.outcome()) && !"DISMISSED".equals(body.outcome())) {
			throw DomainException.invalid("outcome", "INVALID_OUTCOME", "UPHELD or DISMISSED");
		}
		return this.board.decide(id, "UPHELD".equals(body.outcome()), body.response(), user.organizationId(),
				user.username());
	}

	@PostMapping("/api/v1/notices/{id}/close")
	@Operation(summary = "Close a notice after its end with no objection open; a GUIDES notice publishes its "
			+ "guides that were not revoked")
	NoticeView close(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		requireResponsibleRole(user);
		return this.board.close(id, user.organizationId());
	}

	private static void requireResponsibleRole(CurrentUser user) {
		if (!user.has(Role.DEPARTMENT_OFFICER) && !user.has(Role.ENTERPRISE_CONTACT)) {
			throw new AccessDeniedException("only the department or an enterprise answers for a notice");
		}
	}

	static NoticeKind parseKind(String kind) {
		try {
			return NoticeKind.valueOf(kind);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw DomainException.invalid("kind", "INVALID_KIND",
					"one of GUIDES, REVIEW_RESULTS, APPROVALS, COMPLETIONS, GENERAL");
		}
	}

	record OpenNotice(UUID batchId, String kind, List<UUID> subjectIds, String title, String body) {
	}

	record Decision(String outcome, String response) {
	}

}
