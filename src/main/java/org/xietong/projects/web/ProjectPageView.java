package org.xietong.projects.web;

import java.util.List;
import java.util.Map;

import org.xietong.accounts.UserView;
import org.xietong.batches.BatchView;
import org.xietong.organizations.ExpertView;
import org.xietong.projects.AgreementView;
import org.xietong.projects.ChangeRequests;
import org.xietong.projects.CompletionList;
import org.xietong.projects.Completions;
import org.xietong.projects.HistoryEntry;
import org.xietong.projects.ProjectView;

/**
 * Everything the project page shows: the project, its agreement (and the signed copy's
 * name), its changes, its completion, its acceptance experts (for the enterprise and the
 * department), its funds, its certificate and its whole history; the actions open to the
 * user, the choices its forms offer, and a refusal with what was typed.
 */
public record ProjectPageView(ProjectView project, BatchView batch, AgreementView agreement, String agreementFileName,
		List<ChangeRequests.ChangeView> changes, Completions.CompletionView completion,
		List<Completions.AcceptanceAssignment> assignments, CompletionList.Certificate certificate,
		List<HistoryEntry> history, org.xietong.projects.ProjectFunds.FundsView funds, ProjectActions actions,
		List<ExpertView> pool, List<UserView> teachers, Typed typed, Map<String, String> errors,
		List<String> problems) {

	public String id() {
		return this.project.id().toString();
	}

	public String base() {
		return "/projects/" + id();
	}

	/** The message for the whole form, when this form was refused. */
	public String formError(String section) {
		return this.typed.is(section) ? this.errors.get(ProjectPageSupport.FORM) : null;
	}

	public String formError(String section, Object target) {
		return this.typed.is(section, target) ? this.errors.get(ProjectPageSupport.FORM) : null;
	}

	/** The lines of a refusal of this form. */
	public List<String> problems(String section) {
		return this.typed.is(section) ? this.problems : List.of();
	}

	/** The message for one field, when this form was refused over it. */
	public String error(String section, String field) {
		return this.typed.is(section) ? this.errors.get(field) : null;
	}

	/** The amount as a form shows it: {@code 20000.00}. */
	public static String plain(org.xietong.shared.Money amount) {
		return (amount == null) ? "" : amount.amount().toPlainString();
	}

	public static String date(java.time.LocalDate date) {
		return (date == null) ? "" : date.toString();
	}

}
