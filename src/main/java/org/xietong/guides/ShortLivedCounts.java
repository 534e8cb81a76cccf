package org.xietong.guides;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts remembered for a short time, by key; bounded, so that odd filters cannot fill
 * memory.
 */
final class ShortLivedCounts {

	private final long lifetimeNanos;

	private final int maxEntries;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	ShortLivedCounts(Duration lifetime, int maxEntries) {
		this.lifetimeNanos = lifetime.toNanos();
		this.maxEntries = maxEntries;
	}

	long get(String key, LongSupplier count) {
		long now = System.nanoTime();
		Entry entry = this.entries.get(key);
		if (entry != null && now - entry.countedAt() < this.lifetimeNanos) {
			return entry.count();
		}
		long fresh = count.getAsLong();
		if (this.entries.size() >= this.maxEntries) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry(fresh, now));
		return fresh;
	}

	void clear() {
		this.entries.clear();
	}

	private record Entry(long count, long countedAt) {
	}

}
