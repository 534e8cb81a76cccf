package org.xietong.guides;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Counts remembered for a short time, by key; bounded, so that odd filters cannot fill
 * memory. When a count has aged, one caller counts again while the others keep getting
 * the last count meanwhile: a slow count then delays one request, not every request that
 * arrives while it runs (nor do they all run it at once).
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
		if (entry != null
				&& (now - entry.countedAt() < this.lifetimeNanos || !entry.recounting().compareAndSet(false, true))) {
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
		this.entries.put(key, new Entry(fresh, now, new AtomicBoolean()));
		return fresh;
	}

	void clear() {
		this.entries.clear();
	}

	private record Entry(long count, long countedAt, AtomicBoolean recounting) {
	}

}
