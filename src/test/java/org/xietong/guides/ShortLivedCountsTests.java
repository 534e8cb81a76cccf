package org.xietong.guides;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortLivedCountsTests {

	@Test
	void countsOnceWithinTheLifetimeAndAgainAfterAClear() {
		ShortLivedCounts counts = new ShortLivedCounts(Duration.ofMinutes(1), 10);
		AtomicLong queries = new AtomicLong();

		assertThat(counts.get("batch=1", () -> 42 + queries.incrementAndGet() * 0)).isEqualTo(42);
		assertThat(counts.get("batch=1", () -> 99 + queries.incrementAndGet() * 0)).isEqualTo(42);
		assertThat(queries).hasValue(1);

		counts.clear();
		assertThat(counts.get("batch=1", () -> 7 + queries.incrementAndGet() * 0)).isEqualTo(7);
		assertThat(queries).hasValue(2);
	}

	@Test
	void aCountOlderThanItsLifetimeIsCountedAgain() throws InterruptedException {
		ShortLivedCounts counts = new ShortLivedCounts(Duration.ofMillis(20), 10);
		counts.get("q", () -> 1);
		Thread.sleep(40);
		assertThat(counts.get("q", () -> 2)).isEqualTo(2);
	}

	@Test
	void countsMadeTogetherAgeAtDifferentMomentsBetweenThreeQuartersOfTheLifetimeAndTheWhole() {
		AtomicLong now = new AtomicLong(1_000_000_000L);
		ShortLivedCounts counts = new ShortLivedCounts(Duration.ofSeconds(10), 1000, now::get);
		for (int i = 0; i < 64; i++) {
			counts.get("k" + i, () -> 1);
		}
		now.addAndGet(Duration.ofMillis(7_400).toNanos());
		assertThat(recounted(counts, 64)).as("before three quarters of the lifetime").isZero();
		now.addAndGet(Duration.ofMillis(1_400).toNanos());
		assertThat(recounted(counts, 64)).as("at 88 % of the lifetime: some, not all").isBetween(5, 59);
		now.addAndGet(Duration.ofMillis(1_300).toNanos());
		assertThat(recounted(counts, 64)).as("past the whole lifetime: the rest").isEqualTo(64);
	}

	/** How many of the keys are counted again now; every key then holds 2. */
	private static int recounted(ShortLivedCounts counts, int keys) {
		int recounted = 0;
		for (int i = 0; i < keys; i++) {
			recounted += (counts.get("k" + i, () -> 2) == 2) ? 1 : 0;
		}
		return recounted;
	}

	@Test
	void neverHoldsMoreThanItsBound() {
		ShortLivedCounts counts = new ShortLivedCounts(Duration.ofMinutes(1), 3);
		for (int i = 0; i < 10; i++) {
			final int value = i;
			counts.get("k" + i, () -> value);
		}
		// The first keys were dropped when the bound was reached: counted again.
		assertThat(counts.get("k0", () -> 100)).isEqualTo(100);
	}

	@Test
	void anAgedCountIsCountedAgainByOneOfSixtyFourCallersWhileTheOthersGetTheLastCount() throws Exception {
		ShortLivedCounts counts = new ShortLivedCounts(Duration.ofMillis(20), 10);
		counts.get("q", () -> 1);
		Thread.sleep(40);
		AtomicLong recounts = new AtomicLong();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(64);
		try {
			List<Future<Long>> answers = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				answers.add(callers.submit(() -> {
					start.await();
					return counts.get("q", () -> {
						recounts.incrementAndGet();
						sleep(300);
						return 2;
					});
				}));
			}
			start.countDown();
			List<Long> values = new ArrayList<>();
			for (Future<Long> answer : answers) {
				values.add(answer.get(10, TimeUnit.SECONDS));
			}

			assertThat(recounts).hasValue(1);
			assertThat(values).containsOnly(1L, 2L).containsOnlyOnce(2L);
		}
		finally {
			callers.shutdownNow();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
