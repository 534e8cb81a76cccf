package org.xietong.guides;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Counts remembered for a short time, by key; bounded, so that odd filters cannot fill
 * memory. When a count has aged, one caller counts again while the others keep getting
 * the last count meanwhile: a slow count then delays one request, not every request that
 * arrives while it runs (nor do they all run it at once). Each count lives between three
 * quarters of the lifetime and the whole of it, at random: counts first made together
 * (the catalogue's usual filters, after a start) would otherwise all age in the same
 * moment and be counted again at once, a burst of work that delays every request behind
 * it.
 */
final class ShortLivedCounts {

	private final long lifetimeNanos;

	private final int maxEntries;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	ShortLivedCounts(Duration lifetime, int maxEntries) {
		this(lifetime, maxEntries, System::nanoTime);
	}

	ShortLivedCounts(Duration lifetime, int maxEntries, LongSupplier nanoTime) {
		this.lifetimeNanos = lifetime.toNanos();
		this.maxEntries = maxEntries;
		this.nanoTime = nanoTime;
	}

	long get(String key, LongSupplier count) {
		long now = this.nanoTime.getAsLong();
		Entry entry = this.entries.get(key);
		if (entry != null && (now - entry.countedAt() < entry.lifetimeNanos()
				|| !entry.recounting().compareAndSet(false, true))) {
			return entry.count();
		}
		long fresh;
		try {
			fresh = count.getAsLong();
		}
		catch (RuntimeException ex) {
			if (entry != null) {
				entry.recounting().set(false);
			}
			throw ex;
		}
		if (this.entries.size() >= this.maxEntries) {
			this.entries.clear();
		}
		long lifetime = this.lifetimeNanos - ThreadLocalRandom.current().nextLong(this.lifetimeNanos / 4 + 1);
		this.entries.put(key, new Entry(fresh, now, lifetime, new AtomicBoolean()));
		return fresh;
	}

	void clear() {
		this.entries.clear();
	}

	private record Entry(long count, long countedAt, long lifetimeNanos, AtomicBoolean recounting) {
	}

}
