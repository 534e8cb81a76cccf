// The load generator of the deadline benchmark (bench/deadline/run.sh), JDK only: java bench/deadline/Deadline.java
//
//   hash <password> <cost>                               a {bcrypt} hash, with spring-security-crypto on the class path
//   tokens  <base> <conc> <users.txt> <out>              signs every user in: "username token" lines
//   prepare <base> <conc> <tokens> <guides> <count> <out> drafts an application and attaches its form, per teacher
//   burst   <base> <conc> <prepared> <from> <count> <seconds> <summary>
//                                                        submits prepared applications from line <from> on, each
//                                                        once, until <count> (0: all) are sent or <seconds> passed
//   flow    <base> <conc> <tokens> <guides> <seconds> <summary>
//                                                        create + attach + submit, per teacher, for <seconds>
//   open    <base> <rate> <prepared> <from> <seconds> <summary>
//                                                        open loop: submits prepared applications from line <from>
//                                                        on at a fixed <rate> per second for <seconds>
//
// Closed loop (burst, flow, ...): <conc> workers, each with its own keep-alive connection, sends its next request
// when the previous one is answered; every request is timed from send to the last byte of its answer. Open loop
// (open): request i is due at start + i / rate whether or not earlier ones were answered, and is timed from that
// intended time, so that a slow server is not excused by a client that waited for it (no coordinated omission).
// A teacher is used once.
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Deadline {

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "hash" -> hash(args[1], Integer.parseInt(args[2]));
			case "tokens" -> tokens(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
			case "prepare" -> prepare(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]),
					Integer.parseInt(args[5]), Path.of(args[6]));
			case "burst" -> burst(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), Integer.parseInt(args[6]), Path.of(args[7]));
			case "flow" -> flow(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]),
					Integer.parseInt(args[5]), Path.of(args[6]));
			case "open" -> open(args[1], Double.parseDouble(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), Path.of(args[6]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** The password hash the application's DelegatingPasswordEncoder reads: {bcrypt}$2a$NN$... */
	static void hash(String password, int cost) throws Exception {
		Class<?> bcrypt = Class.forName("org.springframework.security.crypto.bcrypt.BCrypt");
		String salt = (String) bcrypt.getMethod("gensalt", int.class).invoke(null, cost);
		System.out.println("{bcrypt}" + bcrypt.getMethod("hashpw", String.class, String.class).invoke(null, password, salt));
	}

	// ---------------------------------------------------------------------------------------------- phases

	static void tokens(String base, int conc, Path usersFile, Path out) throws Exception {
		List<String> users = Files.readAllLines(usersFile);
		String[] tokens = new String[users.size()];
		Stats stats = new Stats("token");
		Runner.Result r = Runner.run(conc, users.size(), 0, (client, i) -> {
			String body = "{\"username\":\"" + users.get(i) + "\",\"password\":\"" + PASSWORD + "\"}";
			Answer a = stats.time(client, json(base + "/api/v1/auth/token", null, body));
			if (a.ok()) {
				tokens[i] = group(TOKEN, a.body);
			}
		});
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
			for (int i = 0; i < users.size(); i++) {
				if (tokens[i] != null) {
					w.println(users.get(i) + " " + tokens[i]);
				}
			}
		}
		stats.print(System.out);
		System.out.printf("  %,d sign-ins in %.1f s: %.1f/s%n", users.size(), r.seconds(), users.size() / r.seconds());
		stats.requireNoErrors();
	}

	static void prepare(String base, int conc, Path tokensFile, Path guidesFile, int count, Path out) throws Exception {
		List<String[]> teachers = lines(tokensFile);
		List<String> guides = Files.readAllLines(guidesFile);
		int n = Math.min(count, teachers.size());
		String[] ids = new String[n];
		Stats create = new Stats("create");
		Stats attach = new Stats("attach");
		Pdf pdf = new Pdf();
		Runner.Result r = Runner.run(conc, n, 0, (client, i) -> {
			String token = teachers.get(i)[1];
			Answer a = create.time(client, json(base + "/api/v1/guides/" + guides.get(i % guides.size()) + "/applications",
					token, application(teachers.get(i)[0])));
			if (!a.ok()) {
				return;
			}
			String id = group(ID, a.body);
			Answer b = attach.time(client, upload(base + "/api/v1/applications/" + id + "/attachments", token,
					"申报书-" + teachers.get(i)[0] + ".pdf", pdf.forTeacher(i)));
			if (b.ok()) {
				ids[i] = id;
			}
		});
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
			for (int i = 0; i < n; i++) {
				if (ids[i] != null) {
					w.println(teachers.get(i)[0] + " " + teachers.get(i)[1] + " " + ids[i]);
				}
			}
		}
		System.out.printf("  attachments: one PDF per teacher, %,d bytes each, distinct content%n", pdf.size());
		create.print(System.out);
		attach.print(System.out);
		System.out.printf("  %,d drafts with their form in %.1f s: %.1f teachers/s%n", n, r.seconds(), n / r.seconds());
		create.requireNoErrors();
		attach.requireNoErrors();
	}

	/**
	 * The moment that matters: every teacher's draft and form are in, and they all press submit. Each
	 * prepared application (from line {@code from} on, {@code count} of them or all when 0) is submitted
	 * once, until {@code seconds} (0: no limit) have passed or none is left.
	 */
	static void burst(String base, int conc, Path preparedFile, int from, int count, int seconds, Path summary)
			throws Exception {
		List<String[]> all = lines(preparedFile);
		int to = (count > 0) ? Math.min(all.size(), from + count) : all.size();
		List<String[]> prepared = all.subList(Math.min(from, to), to);
		Stats submit = new Stats("submit");
		long cpu0 = cpuNanos();
		Runner.Result r = Runner.run(conc, prepared.size(), seconds, (client, i) -> {
			String[] p = prepared.get(i);
			submit.time(client, submit(base, p[1], p[2]), Deadline::hasReceipt);
		});
		long cpu = cpuNanos() - cpu0;
		submit.print(System.out);
		System.out.printf("  %,d of %,d prepared drafts used%s; elapsed %.1f s; load generator CPU %.2f cores%n",
				r.started(), prepared.size(), r.exhausted() ? " (ALL: the burst stopped when they ran out)" : "",
				r.seconds(), cpu / 1e9 / r.seconds());
		write(summary, Map.of("ok", submit.ok.sum(), "requests", submit.count(), "non2xx", submit.non2xx(), "errors",
				submit.failures.sum(), "seconds", r.seconds(), "p50", submit.percentile(50), "p99",
				submit.percentile(99), "max", submit.percentile(100), "exhausted", r.exhausted() ? 1 : 0, "started",
				r.started()));
	}

	/**
	 * Teachers arriving at a fixed rate, as on the evening itself: submission i is due at start + i / rate,
	 * sent then on its own (async, a connection from the client's pool, a new one when all are busy), and
	 * timed from when it was due. The schedule never waits for answers; how far the sender itself ever fell
	 * behind its schedule is printed, so that a late client shows.
	 */
	static void open(String base, double rate, Path preparedFile, int from, int seconds, Path summary)
			throws Exception {
		List<String[]> all = lines(preparedFile);
		int n = (int) Math.min(all.size() - (long) from, Math.round(rate * seconds));
		if (n <= 0) {
			throw new IllegalStateException("no prepared teachers left for the open-loop phase");
		}
		List<String[]> prepared = all.subList(from, from + n);
		Stats submit = new Stats("submit (open loop)");
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		CountDownLatch answered = new CountDownLatch(n);
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxInFlight = new AtomicInteger();
		long senderLate = 0;
		long cpu0 = cpuNanos();
		long start = System.nanoTime() + 100_000_000L;
		for (int i = 0; i < n; i++) {
			long due = start + Math.round(i * 1e9 / rate);
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				java.util.concurrent.locks.LockSupport.parkNanos(wait);
			}
			senderLate = Math.max(senderLate, System.nanoTime() - due);
			String[] p = prepared.get(i);
			maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			client.sendAsync(submit(base, p[1], p[2]), HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					inFlight.decrementAndGet();
					submit.answered(due, response, failure, Deadline::hasReceipt);
					answered.countDown();
				});
		}
		long sent = System.nanoTime();
		answered.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpu = cpuNanos() - cpu0;
		submit.print(System.out);
		System.out.printf("  %,d submissions due at %.0f/s over %.1f s (sent in %.1f s, all answered after %.1f s);"
				+ " the sender was at most %.1f ms behind its schedule; at most %d in flight; load generator CPU %.2f"
				+ " cores%n", n, rate, (n - 1) / rate, (sent - start) / 1e9, elapsed, senderLate / 1e6,
				maxInFlight.get(), cpu / 1e9 / elapsed);
		write(summary, Map.of("ok", submit.ok.sum(), "requests", submit.count(), "non2xx", submit.non2xx(), "errors",
				submit.failures.sum(), "seconds", elapsed, "p50", submit.percentile(50), "p99",
				submit.percentile(99), "max", submit.percentile(100), "late", senderLate / 1e6, "rate", rate));
	}

	/** The whole evening of one teacher at once: draft, attach the form, submit. */
	static void flow(String base, int conc, Path tokensFile, Path guidesFile, int seconds, Path summary)
			throws Exception {
		List<String[]> teachers = lines(tokensFile);
		List<String> guides = Files.readAllLines(guidesFile);
		Stats create = new Stats("create");
		Stats attach = new Stats("attach");
		Stats submit = new Stats("submit");
		Stats whole = new Stats("flow (3 requests)");
		Pdf pdf = new Pdf();
		LongAdder flows = new LongAdder();
		long cpu0 = cpuNanos();
		Runner.Result r = Runner.run(conc, teachers.size(), seconds, (client, i) -> {
			String username = teachers.get(i)[0];
			String token = teachers.get(i)[1];
			long t0 = System.nanoTime();
			Answer a = create.time(client, json(base + "/api/v1/guides/" + guides.get((i * 7919) % guides.size())
					+ "/applications", token, application(username)));
			if (!a.ok()) {
				return;
			}
			String id = group(ID, a.body);
			Answer b = attach.time(client, upload(base + "/api/v1/applications/" + id + "/attachments", token,
					"申报书-" + username + ".pdf", pdf.forTeacher(100_000 + i)));
			if (!b.ok()) {
				return;
			}
			Answer c = submit.time(client, submit(base, token, id), Deadline::hasReceipt);
			if (c.ok()) {
				whole.record(System.nanoTime() - t0);
				whole.ok.increment();
				flows.increment();
			}
		});
		long cpu = cpuNanos() - cpu0;
		System.out.printf("  %,d complete flows in %.1f s: %.1f submissions/s (%.1f requests/s), %,d teachers started%s;"
				+ " load generator CPU %.2f cores%n", flows.sum(), r.seconds(), flows.sum() / r.seconds(),
				(create.count() + attach.count() + submit.count()) / r.seconds(), r.started(),
				r.exhausted() ? " (ALL: stopped when they ran out)" : "", cpu / 1e9 / r.seconds());
		create.print(System.out);
		attach.print(System.out);
		submit.print(System.out);
		whole.print(System.out);
		write(summary, Map.of("ok", submit.ok.sum(), "flows", flows.sum(), "seconds", r.seconds(), "errors",
				create.failures.sum() + attach.failures.sum() + submit.failures.sum() + create.non2xx()
						+ attach.non2xx() + submit.non2xx(),
				"p50", whole.percentile(50), "p99", whole.percentile(99)));
	}

	// ---------------------------------------------------------------------------------------------- requests

	static final String PASSWORD = "Bench#2025";

	static HttpRequest json(String url, String token, String body) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.build();
	}

	static HttpRequest submit(String base, String token, String id) {
		return HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + id + "/submit"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}

	static HttpRequest upload(String url, String token, String filename, byte[] content) {
		String boundary = "----xietong-bench-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAPPLICATION_FORM\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		body.writeBytes(head);
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	/** A complete application (the body of PublishedGuides.application() in the tests), for a guide of ≥ ¥20,000. */
	static String application(String username) {
		return """
				{"title":"智能网联汽车课程与实验项目（%s）","summary":"面向智能网联汽车方向，校企共建课程与实验项目。",
				"plan":"第一年完成课程大纲与实验设计，第二年开课并迭代。","expectedOutcomes":"课程一门、实验指导书一部、教学案例十个。",
				"team":[{"name":"李明","title":"副教授","organization":"吉林大学","role":"课程设计"}],
				"budget":[{"category":"设备费","amount":"12000.00"},{"category":"差旅费","amount":"8000.00"}]}"""
			.formatted(username);
	}

	static boolean hasReceipt(String body) {
		return body.contains("\"receipt\"") && body.contains("\"digest\"");
	}

	// ---------------------------------------------------------------------------------------------- machinery

	record Answer(int status, String body) {
		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}
	}

	interface Task {
		void run(HttpClient client, int index) throws Exception;
	}

	/** Latencies (ns) and outcomes of one kind of request. */
	static final class Stats {

		final String name;

		final List<long[]> chunks = new ArrayList<>();

		final ThreadLocal<long[]> mine = new ThreadLocal<>();

		final ThreadLocal<int[]> used = ThreadLocal.withInitial(() -> new int[1]);

		final LongAdder ok = new LongAdder();

		final LongAdder failures = new LongAdder();

		final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

		final Map<String, String> examples = new ConcurrentHashMap<>();

		Stats(String name) {
			this.name = name;
		}

		Answer time(HttpClient client, HttpRequest request) {
			return time(client, request, body -> true);
		}

		/** Sends, times and classifies one request: 2xx (with the expected body), another status, or an error. */
		Answer time(HttpClient client, HttpRequest request, java.util.function.Predicate<String> expected) {
			long t0 = System.nanoTime();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				record(System.nanoTime() - t0);
				int status = response.statusCode();
				if (status >= 200 && status < 300 && expected.test(response.body())) {
					this.ok.increment();
				}
				else {
					String key = (status >= 200 && status < 300) ? status + " without the expected body"
							: Integer.toString(status);
					this.outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
					this.examples.putIfAbsent(key, response.body().substring(0, Math.min(300, response.body().length())));
					return new Answer(-status, response.body());
				}
				return new Answer(status, response.body());
			}
			catch (IOException | InterruptedException ex) {
				record(System.nanoTime() - t0);
				this.failures.increment();
				String key = ex.getClass().getSimpleName();
				this.outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
				this.examples.putIfAbsent(key, String.valueOf(ex.getMessage()));
				return new Answer(-1, "");
			}
		}

		/** Records an answer (or failure) to a request that was due at {@code due}, timed from then. */
		void answered(long due, HttpResponse<String> response, Throwable failure,
				java.util.function.Predicate<String> expected) {
			record(System.nanoTime() - due);
			if (failure != null) {
				this.failures.increment();
				Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
				String key = cause.getClass().getSimpleName();
				this.outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
				this.examples.putIfAbsent(key, String.valueOf(cause.getMessage()));
				return;
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300 && expected.test(response.body())) {
				this.ok.increment();
				return;
			}
			String key = (status >= 200 && status < 300) ? status + " without the expected body"
					: Integer.toString(status);
			this.outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
			this.examples.putIfAbsent(key, response.body().substring(0, Math.min(300, response.body().length())));
		}

		void record(long nanos) {
			long[] chunk = this.mine.get();
			int[] n = this.used.get();
			if (chunk == null || n[0] == chunk.length) {
				chunk = new long[8_192];
				Arrays.fill(chunk, -1);
				this.mine.set(chunk);
				n[0] = 0;
				synchronized (this.chunks) {
					this.chunks.add(chunk);
				}
			}
			chunk[n[0]++] = nanos;
		}

		long[] sorted() {
			synchronized (this.chunks) {
				return this.chunks.stream().flatMapToLong(Arrays::stream).filter(v -> v >= 0).sorted().toArray();
			}
		}

		long count() {
			return sorted().length;
		}

		long non2xx() {
			return this.outcomes.entrySet()
				.stream()
				.filter(e -> !Character.isLetter(e.getKey().charAt(0)))
				.mapToLong(e -> e.getValue().sum())
				.sum();
		}

		/** In milliseconds. */
		double percentile(double p) {
			long[] all = sorted();
			if (all.length == 0) {
				return 0;
			}
			int i = (int) Math.ceil(p / 100.0 * all.length) - 1;
			return all[Math.max(0, Math.min(all.length - 1, i))] / 1e6;
		}

		void print(java.io.PrintStream out) {
			long[] all = sorted();
			out.printf("  %-18s %,8d requests, %,8d 2xx, %,5d non-2xx, %,5d errors; latency ms p50 %7.1f  p90 %7.1f  "
					+ "p99 %7.1f  max %7.1f%n", this.name, all.length, this.ok.sum(), non2xx(), this.failures.sum(),
					percentile(50), percentile(90), percentile(99), percentile(100));
			new TreeMap<>(this.outcomes).forEach((k, v) -> out.printf("    %s x %,d, e.g. %s%n", k, v.sum(),
					this.examples.get(k).replace('\n', ' ')));
		}

		void requireNoErrors() {
			if (!this.outcomes.isEmpty()) {
				throw new IllegalStateException(this.name + ": not every request succeeded");
			}
		}

	}

	static final class Runner {

		record Result(double seconds, int started, boolean exhausted) {
		}

		/**
		 * {@code conc} workers, each with its own client (so its own connection), take indexes 0..total-1 in
		 * turn until they run out or, when {@code seconds} > 0, until that many seconds have passed.
		 */
		static Result run(int conc, int total, int seconds, Task task) throws Exception {
			AtomicInteger next = new AtomicInteger();
			long start = System.nanoTime();
			long end = (seconds > 0) ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
			CountDownLatch done = new CountDownLatch(conc);
			AtomicInteger crashed = new AtomicInteger();
			long[] finished = new long[conc];
			for (int w = 0; w < conc; w++) {
				int worker = w;
				Thread thread = new Thread(() -> {
					HttpClient client = HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.connectTimeout(Duration.ofSeconds(10))
						.build();
					try {
						while (System.nanoTime() < end) {
							int i = next.getAndIncrement();
							if (i >= total) {
								break;
							}
							task.run(client, i);
						}
					}
					catch (Exception ex) {
						crashed.incrementAndGet();
						ex.printStackTrace();
					}
					finally {
						finished[worker] = System.nanoTime();
						done.countDown();
					}
				}, "worker-" + w);
				thread.setDaemon(true);
				thread.start();
			}
			done.await();
			if (crashed.get() > 0) {
				throw new IllegalStateException(crashed.get() + " workers crashed");
			}
			long last = Arrays.stream(finished).max().orElse(start);
			int started = Math.min(next.get(), total);
			return new Result((last - start) / 1e9, started, started >= total);
		}

	}

	/**
	 * A valid one-page PDF of about 100 KB (a text page, uncompressed), different for each teacher: the
	 * teacher's number is written into a fixed-width slot, so that offsets stay put.
	 */
	static final class Pdf {

		static final String SLOT = "TEACHER-000000000";

		final byte[] template;

		final int[] slots;

		Pdf() {
			StringBuilder stream = new StringBuilder("BT /F1 9 Tf 40 800 Td 11 TL\n");
			stream.append("(Xietong benchmark application form ").append(SLOT).append(") Tj T*\n");
			for (int i = 0; stream.length() < 100_000; i++) {
				stream.append("(Line ").append(i).append(": ").append(SLOT)
					.append(" the plan, the team and the budget as signed and stamped by the university.) Tj T*\n");
			}
			stream.append("ET");
			String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
							+ "/Resources << /Font << /F1 5 0 R >> >> >>",
					"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
					"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
			StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
			int[] offsets = new int[objects.length];
			for (int i = 0; i < objects.length; i++) {
				offsets[i] = pdf.length();
				pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
			}
			int xref = pdf.length();
			pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
			for (int offset : offsets) {
				pdf.append(String.format("%010d 00000 n \n", offset));
			}
			pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
				.append(xref).append("\n%%EOF\n");
			String text = pdf.toString();
			this.template = text.getBytes(StandardCharsets.US_ASCII);
			List<Integer> at = new ArrayList<>();
			for (int i = text.indexOf(SLOT); i >= 0; i = text.indexOf(SLOT, i + 1)) {
				at.add(i + "TEACHER-".length());
			}
			this.slots = at.stream().mapToInt(Integer::intValue).toArray();
		}

		byte[] forTeacher(int n) {
			byte[] copy = this.template.clone();
			byte[] digits = String.format("%09d", n).getBytes(StandardCharsets.US_ASCII);
			for (int slot : this.slots) {
				System.arraycopy(digits, 0, copy, slot, digits.length);
			}
			return copy;
		}

		int size() {
			return this.template.length;
		}

	}

	static List<String[]> lines(Path file) throws IOException {
		return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split(" ")).toList();
	}

	static String group(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + pattern + " in " + text);
		}
		return m.group(1);
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static void write(Path file, Map<String, ?> values) throws IOException {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(values).forEach((k, v) -> text.append(k.toUpperCase()).append('=')
			.append(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.1f", d) : v).append('\n'));
		Files.writeString(file, text);
	}

}
