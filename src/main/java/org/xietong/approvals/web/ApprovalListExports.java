package org.xietong.approvals.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.xietong.approvals.ApprovalListItem;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.projects.ProjectQuery;
import org.xietong.projects.Projects;
import org.xietong.shared.DomainException;

/**
 * A batch's published approval list as a download, the same file from the API and from
 * the public page: a spreadsheet in the department's columns or a PDF notice.
 */
@Component
class ApprovalListExports {

	private final Projects projects;

	private final BatchManagement batches;

	private final MessageSource messages;

	ApprovalListExports(Projects projects, BatchManagement batches, MessageSource messages) {
		this.projects = projects;
		this.batches = batches;
		this.messages = messages;
	}

	BatchView batch(UUID batchId) {
		return this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
	}

	void xlsx(UUID batchId, ProjectQuery query, HttpServletResponse response) throws IOException {
		BatchView batch = batch(batchId);
		response.setContentType(ApprovalListWorkbook.MEDIA_TYPE);
		attachment(response, batch.code() + "-approvals.xlsx");
		ApprovalListWorkbook.write(response.getOutputStream(), batch.title() + " 立项名单", this.messages,
				sink -> this.projects.forEach(query, project -> sink.accept(ApprovalListItem.of(project))));
	}

	void pdf(UUID batchId, ProjectQuery query, HttpServletResponse response) throws IOException {
		BatchView batch = batch(batchId);
		response.setContentType("application/pdf");
		attachment(response, batch.code() + "-approvals.pdf");
		ApprovalListPdf.write(response.getOutputStream(), batch.title() + " 立项名单",
				"Approval list · " + batch.code() + " · " + this.projects.search(query, 0, 1).total() + " 项 projects",
				this.messages,
				sink -> this.projects.forEach(query, project -> sink.accept(ApprovalListItem.of(project))));
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
	}

}
