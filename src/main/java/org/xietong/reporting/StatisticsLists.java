package org.xietong.reporting;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.shared.DomainException;

/**
 * The list behind a figure, for whoever may see the figure: the department any scope, a
 * university or an enterprise only its own, whatever {@code org} it names.
 */
@Component
public class StatisticsLists {

	private final Statistics statistics;

	private final Counting counting;

	private final JdbcClient jdbc;

	StatisticsLists(Statistics statistics, Counting counting, JdbcClient jdbc) {
		this.statistics = statistics;
		this.counting = counting;
		this.jdbc = jdbc;
	}

	/**
	 * What is asked, checked: the scope the user may see, the figure and the row filter.
	 */
	public Request request(CurrentUser user, UUID batchId, String measureKey, UUID org, String by, String value) {
		Measure measure = Measure.parse(measureKey)
			.orElseThrow(() -> DomainException.invalid("measure", "INVALID_MEASURE", "not a statistics figure"));
		Scope scope = scope(user, batchId, org);
		Dimension dimension = null;
		String valueName = null;
		if (by != null && !by.isBlank()) {
			dimension = Dimension.parse(by.strip())
				.filter(found -> found.column(measure.counted()).isPresent())
				.orElseThrow(
						() -> DomainException.invalid("by", "INVALID_DIMENSION", "not a breakdown of this figure"));
			if (value == null || value.isBlank() || dimension.isId() && !isUuid(value.strip())) {
				throw DomainException.invalid("value", "INVALID_VALUE", "not a value of this breakdown");
			}
			value = value.strip();
			valueName = name(dimension, value).orElse(value);
		}
		return new Request(scope, batchId, null, org, measure, dimension, (dimension == null) ? null : value,
				valueName);
	}

	/**
	 * A figure of the department's over a year's batches, as the comparison of years
	 * shows it.
	 */
	public Request request(CurrentUser user, int year, String measureKey) {
		Measure measure = Measure.parse(measureKey)
			.orElseThrow(() -> DomainException.invalid("measure", "INVALID_MEASURE", "not a statistics figure"));
		return new Request(this.statistics.year(user, year), null, year, null, measure, null, null, null);
	}

	/**
	 * The scope {@code user} may see: the department the batch or the organisation it
	 * names, a university or an enterprise only its own, whatever {@code org} says.
	 */
	public Scope scope(CurrentUser user, UUID batchId, UUID org) {
		if (user != null && user.has(Role.DEPARTMENT_OFFICER)) {
			return (org == null) ? this.statistics.scope(user, batchId, null, null)
					: this.statistics.scope(user, batchId, kindOf(org), org);
		}
		if (user != null && user.has(Role.UNIVERSITY_ADMIN)) {
			return this.statistics.scope(user, batchId, Statistics.OrganizationKind.UNIVERSITY, org);
		}
		if (user != null && user.has(Role.ENTERPRISE_CONTACT)) {
			return this.statistics.scope(user, batchId, Statistics.OrganizationKind.ENTERPRISE, org);
		}
		throw new AccessDeniedException("this role sees no statistics");
	}

	public Counting.Listing page(Request request, int page, int size) {
		return this.counting.list(request.scope(), request.measure(), request.dimension(), request.value(), page, size);
	}

	/** Every row, for an export. */
	public void each(Request request, Consumer<Listed.Line> sink) {
		this.counting.each(request.scope(), request.measure(), request.dimension(), request.value(), sink);
	}

	private Statistics.OrganizationKind kindOf(UUID org) {
		String kind = this.jdbc.sql("SELECT kind FROM organizations WHERE id = :id")
			.param("id", org)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("organization"));
		return switch (kind) {
			case "UNIVERSITY" -> Statistics.OrganizationKind.UNIVERSITY;
			case "ENTERPRISE" -> Statistics.OrganizationKind.ENTERPRISE;
			default -> throw DomainException.notFound("organization");
		};
	}

	private Optional<String> name(Dimension dimension, String value) {
		String sql = switch (dimension) {
			case UNIVERSITY, ENTERPRISE -> "SELECT name FROM organizations WHERE id = :id";
			case TEACHER -> "SELECT display_name FROM users WHERE id = :id";
			case GUIDE -> "SELECT title FROM guides WHERE id = :id";
			case TYPE, DIRECTION, INDUSTRY -> null;
		};
		if (sql == null) {
			return Optional.empty();
		}
		return this.jdbc.sql(sql).param("id", UUID.fromString(value)).query(String.class).optional();
	}

	private static boolean isUuid(String text) {
		try {
			UUID.fromString(text);
			return text.length() == 36;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * A list asked for and allowed.
	 *
	 * @param scope whose rows
	 * @param batchId the batch, or {@code null} for a year's
	 * @param year the year whose batches, or {@code null} for one batch's
	 * @param org the organisation the figure was of, or {@code null}
	 * @param measure the figure
	 * @param dimension the breakdown, or {@code null} for the figure's total
	 * @param value the breakdown's value, or {@code null}
	 * @param valueName what the value is called, or {@code null}
	 */
	public record Request(Scope scope, UUID batchId, Integer year, UUID org, Measure measure, Dimension dimension,
			String value, String valueName) {

		/** The query string that asks for this list again. */
		public String query() {
			StringBuilder query = new StringBuilder(
					(this.year != null) ? "year=" + this.year : "batchId=" + this.batchId)
				.append("&measure=")
				.append(this.measure.key());
			if (this.org != null) {
				query.append("&org=").append(this.org);
			}
			if (this.dimension != null) {
				query.append("&by=")
					.append(this.dimension.key())
					.append("&value=")
					.append(java.net.URLEncoder.encode(this.value, java.nio.charset.StandardCharsets.UTF_8));
			}
			return query.toString();
		}

	}

}
