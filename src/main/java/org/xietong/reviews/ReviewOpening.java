package org.xietong.reviews;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.shared.DomainException;

/**
 * Scoring, the selection and the result notice wait until the batch's application window
 * has closed: while teachers may still apply, a verdict would judge a field not yet
 * complete. The plan, the experts and their assignments may be prepared earlier.
 */
@Component
public class ReviewOpening {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final BatchManagement batches;

	private final Clock clock;

	ReviewOpening(BatchManagement batches, Clock clock) {
		this.batches = batches;
		this.clock = clock;
	}

	/**
	 * When the batch's verdicts may begin, in its time zone, while that is still to come:
	 * the second after the application window closes (it closes inclusive).
	 */
	public Optional<String> opensLater(UUID batchId) {
		BatchView batch = this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
		Instant closes = batch.schedule().applicationCloses();
		if (this.clock.instant().truncatedTo(ChronoUnit.SECONDS).isAfter(closes)) {
			return Optional.empty();
		}
		ZoneId zone = batch.timeZone();
		return Optional.of(SHOWN.format(closes.plusSeconds(1).atZone(zone)) + " (" + zone.getId() + ")");
	}

	/**
	 * Refuses {@code step} ({@code scoring}, {@code selection} or {@code resultNotice})
	 * with {@code NOT_YET_OPEN}, naming when it opens, until the window has closed.
	 */
	public void require(UUID batchId, String step) {
		Optional<String> opens = opensLater(batchId);
		if (opens.isPresent()) {
			throw new DomainException(409, "NOT_YET_OPEN",
					step + " opens at " + opens.get() + ", once the application window has closed", opens.get())
				.detailKey("error.NOT_YET_OPEN." + step);
		}
	}

}
