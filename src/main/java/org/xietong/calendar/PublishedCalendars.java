package org.xietong.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.xietong.shared.FirstStart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the State Council's published calendars shipped with the platform (2024, 2025)
 * for every year the department has not entered yet; never overwrites the department's
 * data.
 */
@Component
@Order(0)
class PublishedCalendars implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PublishedCalendars.class);

	private final WorkingDayCalendar calendar;

	private final JsonMapper json;

	private final FirstStart firstStart;

	PublishedCalendars(WorkingDayCalendar calendar, JsonMapper json, FirstStart firstStart) {
		this.firstStart = firstStart;
		this.calendar = calendar;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.firstStart.once(this::load);
	}

	private void load() {
		JsonNode published;
		try (InputStream in = new ClassPathResource("calendar/cn-holidays.json").getInputStream()) {
			published = this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the bundled calendar is unreadable", ex);
		}
		String source = published.path("source").asString("State Council");
		for (String name : published.propertyNames()) {
			if (!name.matches("\\d{4}")) {
				continue;
			}
			int year = Integer.parseInt(name);
			if (this.calendar.find(year).isPresent()) {
				continue;
			}
			try {
				this.calendar.put(year, dates(published.get(name).get("holidays")),
						dates(published.get(name).get("makeupWorkdays")), source, null);
				log.info("Loaded the published working-day calendar of {}", year);
			}
			catch (DuplicateKeyException ex) {
				// Another instance loaded it at the same moment.
			}
		}
	}

	private static List<LocalDate> dates(JsonNode array) {
		List<LocalDate> dates = new ArrayList<>();
		array.forEach(node -> dates.add(LocalDate.parse(node.asString())));
		return dates;
	}

}
