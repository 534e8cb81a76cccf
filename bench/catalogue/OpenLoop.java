// The catalogue's open-loop load (bench/catalogue/run.sh), JDK only:
//   java bench/catalogue/OpenLoop.java <base url> <path> <batch id> <requests/s> <seconds> <summary file> [warm-up s]
//
// The warm-up runs first, on the same schedule and the same client, and is not counted: a load generator started
// cold (its JIT, its connections still to open) delays its own first second of requests, which a separate warm-up
// process cannot prevent, and that second alone held more than 1 % of the answers over 50 ms.
// Sends the seven-query mix of catalogue.lua at a fixed arrival rate whatever the answers do: request i is due at
// start + i / rate, and its latency runs from that due time (not from when it could be sent) to the last byte of its
// answer, so a stall shows in every request it delayed (no coordinated omission, as wrk2's -R). The summary holds
// key=value lines: sent, ok, errors, achieved rate, p50/p90/p99/p99.9/max in ms, and the p99 of each query.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

public class OpenLoop {

	static final String[] QUERIES = { "page=0&size=20", "type=CURRICULUM&sort=cash&page=5&size=20",
			"industry=%E6%B1%BD%E8%BD%A6&page=2&size=20", "minCash=30000&sort=title&page=10&size=20",
			"q=%E6%99%BA%E8%83%BD&page=1&size=20",
			"type=TEACHER_TRAINING&industry=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD&page=0&size=50",
			"sort=cash&page=100&size=20" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String path = args[1];
		String batch = args[2];
		double rate = Double.parseDouble(args[3]);
		int seconds = Integer.parseInt(args[4]);
		Path summary = Path.of(args[5]);
		int warmSeconds = (args.length > 6) ? Integer.parseInt(args[6]) : 0;
		int warm = (int) Math.round(rate * warmSeconds);
		int measured = (int) Math.round(rate * seconds);
		int total = warm + measured;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		List<HttpRequest> requests = new ArrayList<>();
		for (String query : QUERIES) {
			requests.add(HttpRequest.newBuilder(URI.create(base + path + "?batchId=" + batch + "&" + query))
				.timeout(Duration.ofSeconds(30))
				.build());
		}
		long[] latency = new long[total];
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch answered = new CountDownLatch(total);
		long periodNanos = (long) (1_000_000_000L / rate);
		long start = System.nanoTime() + 50_000_000L;
		for (int i = 0; i < total; i++) {
			long due = start + i * periodNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int n = i;
			client.sendAsync(requests.get(i % QUERIES.length), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latency[n] = System.nanoTime() - due;
					if (n < warm) {
						// the warm-up: not counted
					}
					else if (failure == null && response.statusCode() == 200) {
						ok.incrementAndGet();
					}
					else {
						errors.incrementAndGet();
					}
					answered.countDown();
				});
		}
		long sentBy = System.nanoTime();
		if (!answered.await(60, TimeUnit.SECONDS)) {
			System.err.println("some requests were never answered");
		}
		double achieved = total / ((sentBy - start) / 1e9);
		long[] counted = Arrays.copyOfRange(latency, warm, total);
		StringBuilder out = new StringBuilder();
		out.append("rate=").append(rate).append('\n');
		out.append("seconds=").append(seconds).append('\n');
		out.append("sent=").append(measured).append('\n');
		out.append("warmUp=").append(warm).append('\n');
		out.append("ok=").append(ok.get()).append('\n');
		out.append("errors=").append(errors.get() + (int) answered.getCount()).append('\n');
		out.append(String.format("sendRate=%.1f%n", achieved));
		long[] all = counted.clone();
		Arrays.sort(all);
		out.append(String.format("p50=%.1f%np90=%.1f%np99=%.1f%np999=%.1f%nmax=%.1f%n", ms(all, 0.50), ms(all, 0.90),
				ms(all, 0.99), ms(all, 0.999), all[all.length - 1] / 1e6));
		for (int q = 0; q < QUERIES.length; q++) {
			// request i asks query i % 7, so the counted request k asks query (warm + k) % 7
			int first = Math.floorMod(q - warm, QUERIES.length);
			long[] one = new long[(measured - first + QUERIES.length - 1) / QUERIES.length];
			for (int k = first, j = 0; k < measured; k += QUERIES.length, j++) {
				one[j] = counted[k];
			}
			Arrays.sort(one);
			out.append(String.format("q%d.p99=%.1f q%d.p50=%.1f %s%n", q + 1, ms(one, 0.99), q + 1, ms(one, 0.5),
					QUERIES[q]));
		}
		// When the slow answers came: by the second they were due in, how many took over 50 ms (a tail spread
		// evenly is the server's steady cost; one bunched in a few seconds is a pause or a periodic task).
		int[] slowBySecond = new int[seconds + 1];
		for (int k = 0; k < measured; k++) {
			if (counted[k] > 50_000_000L) {
				slowBySecond[(int) Math.min(seconds, (k * periodNanos) / 1_000_000_000L)]++;
			}
		}
		StringBuilder slow = new StringBuilder();
		for (int second = 0; second <= seconds; second++) {
			if (slowBySecond[second] > 0) {
				slow.append(' ').append(second).append("s:").append(slowBySecond[second]);
			}
		}
		out.append("slowBySecond=").append(slow.toString().trim()).append('\n');
		Files.writeString(summary, out.toString());
		System.out.print(out);
		System.exit(0);
	}

	static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
