package org.xietong.batches.web;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/batches")
@Tag(name = "Batches")
class BatchesApiController {

	private final BatchManagement batches;

	private final Clock clock;

	BatchesApiController(BatchManagement batches, Clock clock) {
		this.batches = batches;
		this.clock = clock;
	}

	@PostMapping
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	@Operation(summary = "Open a batch: code, title, year and schedule; omitted rules take the 2024 notice's values")
	ResponseEntity<BatchResource> create(@RequestBody BatchRequest body) {
		BatchView created = this.batches.create(body.definition());
		return ResponseEntity.created(URI.create("/api/v1/batches/" + created.id())).body(answer(created));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
	@Operation(summary = "Replace a batch's settings (with the version read); omitted rules take the notice's values")
	BatchResource update(@PathVariable UUID id, @RequestBody BatchRequest body) {
		return answer(this.batches.update(id, body.version(), body.definition()));
	}

	@GetMapping("/{id}")
	@SecurityRequirements
	@Operation(summary = "A batch with its current phase and next deadline (public)")
	BatchResource get(@PathVariable UUID id) {
		return answer(this.batches.find(id).orElseThrow(() -> DomainException.notFound("batch")));
	}

	@GetMapping
	@SecurityRequirements
	@Operation(summary = "Batches, newest year first, filtered by year (public)")
	PageResult<BatchResource> list(@RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageResult<BatchView> found = this.batches.search(year, page, size);
		return new PageResult<>(found.items().stream().map(this::answer).toList(), found.page(), found.size(),
				found.total());
	}

	private BatchResource answer(BatchView batch) {
		return BatchResource.of(batch, this.clock.instant());
	}

}
