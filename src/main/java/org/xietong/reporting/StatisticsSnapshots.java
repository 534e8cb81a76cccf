package org.xietong.reporting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Statistics as of at most {@code xietong.statistics.max-age} ago (a minute by default):
 * each scope's report is counted live, kept, and counted again in the background while
 * someone keeps looking at it, so that a page at national scale answers from memory and
 * says as of when its numbers are exact. A scope nobody asked for in ten minutes is let
 * go. With a max age of zero every request counts live.
 */
@Component
public class StatisticsSnapshots {

	private static final Logger logger = LoggerFactory.getLogger(StatisticsSnapshots.class);

	private static final long FORGET_AFTER = Duration.ofMinutes(10).toNanos();

	/** At most this many scopes are kept; the least recently asked go first. */
	private static final int MAX_KEPT = 500;

	private final Statistics statistics;

	private final Duration maxAge;

	private final LongSupplier ticker;

	private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

	private final Map<Key, Object> locks = new ConcurrentHashMap<>();

	@Autowired
	StatisticsSnapshots(Statistics statistics, @Value("${xietong.statistics.max-age:PT1M}") Duration maxAge) {
		this(statistics, maxAge, System::nanoTime);
	}

	StatisticsSnapshots(Statistics statistics, Duration maxAge, LongSupplier ticker) {
		this.statistics = statistics;
		this.maxAge = maxAge;
		this.ticker = ticker;
	}

	/** How old a report may be. */
	public Duration maxAge() {
		return this.maxAge;
	}

	/**
	 * The scope's report, counted at most {@link #maxAge()} ago; its scope's {@code now}
	 * says when.
	 */
	public Statistics.Report report(Scope scope) {
		Key key = Key.of(scope);
		long now = this.ticker.getAsLong();
		Kept found = this.kept.get(key);
		if (found != null && now - found.countedAt() <= this.maxAge.toNanos()) {
			this.kept.put(key, found.asked(now));
			return found.report();
		}
		// One count per scope at a time: the others wait for it rather than count too.
		synchronized (this.locks.computeIfAbsent(key, k -> new Object())) {
			found = this.kept.get(key);
			if (found != null && this.ticker.getAsLong() - found.countedAt() <= this.maxAge.toNanos()) {
				return found.report();
			}
			Kept counted = count(scope, now);
			if (!this.maxAge.isZero() && !this.maxAge.isNegative()) {
				this.kept.put(key, counted);
				trim();
			}
			return counted.report();
		}
	}

	/**
	 * Counts again, in the background, the scopes someone asked for lately and lets go of
	 * the rest.
	 */
	@Scheduled(fixedDelayString = "${xietong.statistics.refresh-interval:PT20S}",
			initialDelayString = "${xietong.statistics.refresh-interval:PT20S}")
	public void refresh() {
		long now = this.ticker.getAsLong();
		for (Map.Entry<Key, Kept> entry : Map.copyOf(this.kept).entrySet()) {
			Kept found = entry.getValue();
			if (now - found.askedAt() > FORGET_AFTER) {
				this.kept.remove(entry.getKey());
				this.locks.remove(entry.getKey());
			}
			else if (now - found.countedAt() > this.maxAge.toNanos() / 2) {
				synchronized (this.locks.computeIfAbsent(entry.getKey(), k -> new Object())) {
					try {
						Kept counted = count(entry.getValue().report().scope(), this.ticker.getAsLong());
						this.kept.put(entry.getKey(), new Kept(counted.report(), counted.countedAt(), found.askedAt()));
					}
					catch (RuntimeException ex) {
						logger.warn("Statistics of {} not counted again: {}", entry.getKey(), ex.getMessage());
					}
				}
			}
		}
	}

	private Kept count(Scope scope, long now) {
		Scope fresh = new Scope(scope.batchIds(), scope.university(), scope.enterprise(), this.statistics.now());
		return new Kept(this.statistics.report(fresh), now, now);
	}

	private void trim() {
		while (this.kept.size() > MAX_KEPT) {
			this.kept.entrySet()
				.stream()
				.min(java.util.Comparator.comparingLong(entry -> entry.getValue().askedAt()))
				.ifPresent(oldest -> this.kept.remove(oldest.getKey()));
		}
	}

	/** A scope without its moment: what is kept. */
	private record Key(List<UUID> batchIds, UUID university, UUID enterprise) {

		static Key of(Scope scope) {
			return new Key(scope.batchIds(), scope.university(), scope.enterprise());
		}

	}

	private record Kept(Statistics.Report report, long countedAt, long askedAt) {

		Kept asked(long now) {
			return new Kept(this.report, this.countedAt, now);
		}

	}

}
