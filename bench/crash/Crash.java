// The crash proof's client (bench/crash/run.sh), compiled with bench/deadline/Deadline.java, whose requests it reuses.
//
//   burst <base> <conc> <tokens> <guides> <seconds> <answers> <round>
//       <conc> workers for <seconds>: each in turn registers an enterprise (anonymous POST /enterprises) or, as the
//       next unused teacher, drafts an application, attaches its form and submits it. Every 2xx answer that promises
//       something is appended to <answers> at once ("ENTERPRISE <id> <creditCode>", "RECEIPT <applicationId>
//       <number> <digest>"); the server is killed with -9 somewhere in the middle, so many requests get no answer.
//   check <base> <answers> <deptToken> <auditorToken>
//       after the restart: every enterprise answered 2xx is there, every receipt handed out verifies, the audit chain
//       is intact. Prints "answered N, present N, missing N" per kind; exits 1 on anything missing or invalid.
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

public class Crash {

	static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern DIGEST = Pattern.compile("\"digest\"\\s*:\\s*\"([0-9a-f]{64})\"");

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "burst" -> burst(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]),
					Integer.parseInt(args[5]), Path.of(args[6]), Integer.parseInt(args[7]));
			case "check" -> System.exit(check(args[1], Path.of(args[2]), args[3], args[4]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static void burst(String base, int conc, Path tokensFile, Path guidesFile, int seconds, Path answers, int round)
			throws Exception {
		List<String[]> teachers = Deadline.lines(tokensFile);
		List<String> guides = Files.readAllLines(guidesFile);
		Deadline.Pdf pdf = new Deadline.Pdf();
		AtomicInteger nextTeacher = new AtomicInteger();
		AtomicInteger nextEnterprise = new AtomicInteger();
		LongAdder sent = new LongAdder();
		LongAdder answered = new LongAdder();
		LongAdder unanswered = new LongAdder();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(answers, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND), true)) {
			Thread[] workers = new Thread[conc];
			for (int w = 0; w < conc; w++) {
				int worker = w;
				workers[w] = new Thread(() -> {
					HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
					for (int step = 0; System.nanoTime() < end; step++) {
						sent.increment();
						try {
							String line = ((worker + step) % 2 == 0) ? register(client, base, round, nextEnterprise)
									: apply(client, base, teachers, guides, pdf, nextTeacher);
							if (line == null) {
								unanswered.increment();
								pause();
								continue;
							}
							answered.increment();
							synchronized (out) {
								out.println(line);
							}
						}
						catch (IOException ex) {
							unanswered.increment();
							pause();
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				});
				workers[w].start();
			}
			for (Thread worker : workers) {
				worker.join();
			}
		}
		System.out.printf("  round %d: %,d requests, %,d promises answered 2xx, %,d without a 2xx answer%n", round,
				sent.sum(), answered.sum(), unanswered.sum());
	}

	static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String register(HttpClient client, String base, int round, AtomicInteger next)
			throws IOException, InterruptedException {
		int n = next.incrementAndGet();
		String first17 = "912201" + "01" + String.format("%d%08d", round, n);
		String code = first17 + check(first17);
		String body = """
				{"name":"崩溃测试科技有限公司%d-%d","creditCode":"%s","legalRepresentative":"张三","foundedOn":"2015-03-01",
				"registeredCapital":"5000000.00","industry":"人工智能","address":"长春市南关区人民大街 1 号",
				"description":"崩溃测试。","contact":{"name":"李四","phone":"0431-88905350","email":"crash%d-%d@example.com"},
				"username":"crash%d-%d","password":"Secret#2024"}"""
			.formatted(round, n, code, round, n, round, n);
		HttpResponse<String> answer = client.send(Deadline.json(base + "/api/v1/enterprises", null, body),
				HttpResponse.BodyHandlers.ofString());
		return ok(answer) ? "ENTERPRISE " + Deadline.group(Deadline.ID, answer.body()) + " " + code : null;
	}

	static String apply(HttpClient client, String base, List<String[]> teachers, List<String> guides, Deadline.Pdf pdf,
			AtomicInteger next) throws IOException, InterruptedException {
		int i = next.getAndIncrement();
		if (i >= teachers.size()) {
			return null;
		}
		String username = teachers.get(i)[0];
		String token = teachers.get(i)[1];
		HttpResponse<String> draft = client.send(Deadline.json(
				base + "/api/v1/guides/" + guides.get(i % guides.size()) + "/applications", token,
				Deadline.application(username)), HttpResponse.BodyHandlers.ofString());
		if (!ok(draft)) {
			return null;
		}
		String id = Deadline.group(Deadline.ID, draft.body());
		HttpResponse<String> form = client.send(Deadline.upload(base + "/api/v1/applications/" + id + "/attachments",
				token, "申报书-" + username + ".pdf", pdf.forTeacher(i)), HttpResponse.BodyHandlers.ofString());
		if (!ok(form)) {
			return null;
		}
		HttpResponse<String> submitted = client.send(Deadline.submit(base, token, id),
				HttpResponse.BodyHandlers.ofString());
		if (!ok(submitted)) {
			return null;
		}
		String receipt = submitted.body().substring(submitted.body().indexOf("\"receipt\""));
		return "RECEIPT " + id + " " + Deadline.group(NUMBER, receipt) + " " + Deadline.group(DIGEST, receipt);
	}

	static int check(String base, Path answers, String deptToken, String auditorToken) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		int enterprises = 0, enterprisesPresent = 0, receipts = 0, receiptsValid = 0;
		for (String line : Files.readAllLines(answers)) {
			String[] f = line.split(" ");
			if (f[0].equals("ENTERPRISE")) {
				enterprises++;
				HttpResponse<String> answer = client.send(get(base + "/api/v1/enterprises/" + f[1], deptToken),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains(f[2])) {
					enterprisesPresent++;
				}
				else {
					System.out.println("  MISSING enterprise " + f[1] + " (" + f[2] + "): " + answer.statusCode());
				}
			}
			else if (f[0].equals("RECEIPT")) {
				receipts++;
				HttpResponse<String> answer = client.send(
						get(base + "/api/v1/verify/receipts/" + URLEncoder.encode(f[2], StandardCharsets.UTF_8)
								+ "?digest=" + f[3], null),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().replace(" ", "").contains("\"valid\":true")) {
					receiptsValid++;
				}
				else {
					System.out.println("  INVALID receipt " + f[2] + " of application " + f[1] + ": "
							+ answer.statusCode() + " " + answer.body());
				}
			}
		}
		// Entries committed before the kill and not yet sealed are sealed by the restarted
		// instance within moments.
		long sealStart = System.nanoTime();
		String sealing = "";
		while (System.nanoTime() - sealStart < Duration.ofSeconds(10).toNanos()) {
			sealing = client.send(get(base + "/api/v1/audit/sealing", auditorToken), HttpResponse.BodyHandlers.ofString())
				.body();
			if (sealing.replace(" ", "").contains("\"unsealed\":0")) {
				break;
			}
			Thread.sleep(200);
		}
		boolean sealed = sealing.replace(" ", "").contains("\"unsealed\":0");
		System.out.println("  audit sealing after the restart: " + sealing);
		HttpResponse<String> audit = client.send(get(base + "/api/v1/audit/verify", auditorToken),
				HttpResponse.BodyHandlers.ofString());
		boolean intact = sealed && audit.statusCode() == 200
				&& audit.body().replace(" ", "").contains("\"intact\":true");
		System.out.printf("  enterprises answered 2xx: %,d, present after the restart: %,d, missing: %,d%n", enterprises,
				enterprisesPresent, enterprises - enterprisesPresent);
		System.out.printf("  receipts handed out: %,d, verifying after the restart: %,d, lost or invalid: %,d%n",
				receipts, receiptsValid, receipts - receiptsValid);
		System.out.println("  audit chain: " + audit.body());
		return (enterprises == enterprisesPresent && receipts == receiptsValid && intact) ? 0 : 1;
	}

	static HttpRequest get(String url, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.GET().build();
	}

	static boolean ok(HttpResponse<String> answer) {
		return answer.statusCode() >= 200 && answer.statusCode() < 300;
	}

	static char check(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
