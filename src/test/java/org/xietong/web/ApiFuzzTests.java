package org.xietong.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests, generated from a fixed seed for every operation the OpenAPI document
 * describes, as anonymous and as each role: none may fail the server, every refusal is a
 * problem document with a code, and no refusal writes anything.
 */
@PlatformTest
class ApiFuzzTests {

	private static final long SEED = 20261207L;

	private static final int REQUESTS = 5_200;

	/** Every how many requests one runs alone, between two database fingerprints. */
	private static final int CHECKED_EVERY = 5;

	private static final List<String> USERS = List.of("dept", "sysadmin", "auditor", "jlu-admin", "jlu-teacher1",
			"ent-auto", "expert-auto");

	/**
	 * Tables that a refused request may legitimately write: the audit trail, sessions,
	 * sign-ins, events, mail.
	 */
	private static final List<String> UNFINGERPRINTED = List.of("audit_entries", "audit_chain_head", "audit_heads",
			"login_states", "api_tokens", "idempotent_requests", "spring_session", "spring_session_attributes",
			"event_publication", "inbox_messages", "mail_outbox", "flyway_schema_history");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	/** Writes that were accepted, by operation: hostile input should rarely get one. */
	private final Map<String, Integer> accepted = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void hostileRequestsNeverFailTheServerAndRefusalsChangeNothing() throws Exception {
		Api api = new Api(this.port);
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("anonymous", null);
		USERS.forEach(user -> tokens.put(user, api.token(user)));
		JsonNode docs = api.get("/v3/api-docs", null).json();
		FuzzRequests generator = new FuzzRequests(docs, new Random(SEED));
		List<String> roles = new ArrayList<>(tokens.keySet());
		Random random = new Random(SEED + 1);
		List<FuzzRequests.Fuzzed> all = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			all.add(generator.next(i, roles.get(random.nextInt(roles.size()))));
		}
		Duration offset = this.clock.offset();
		Map<Integer, AtomicInteger> perStatus = new ConcurrentHashMap<>();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		try {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<FuzzRequests.Fuzzed> checked = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				FuzzRequests.Fuzzed request = all.get(i);
				if (i % CHECKED_EVERY == 0) {
					checked.add(request);
				}
				else {
					pool.submit(() -> judge(request, send(request, tokens), perStatus, failures));
				}
			}
			pool.shutdown();
			assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
			long parallelMillis = (System.nanoTime() - started) / 1_000_000;
			int fingerprinted = 0;
			List<String> before = fingerprint();
			for (FuzzRequests.Fuzzed request : checked) {
				HttpResponse<String> response = send(request, tokens);
				judge(request, response, perStatus, failures);
				List<String> after = fingerprint();
				if (response.statusCode() >= 400 && response.statusCode() < 500) {
					fingerprinted++;
					if (!after.equals(before)) {
						failures.add("refused but wrote: " + request + " -> " + response.statusCode() + " "
								+ changed(before, after));
					}
				}
				before = after;
			}
			System.out.printf("API fuzz: %d requests on 4 threads in %d ms, %d one by one between fingerprints%n",
					all.size() - checked.size(), parallelMillis, checked.size());
			long millis = (System.nanoTime() - started) / 1_000_000;
			System.out.println("API fuzz: writes accepted " + new java.util.TreeMap<>(this.accepted));
			Map<String, Integer> classes = new java.util.TreeMap<>();
			perStatus.forEach((status, count) -> classes.merge(status / 100 + "xx", count.get(), Integer::sum));
			System.out.printf(
					"API fuzz: %d requests over %d operations in %d ms; by status class %s, by status %s; "
							+ "%d refusals checked against the database fingerprint; %d failures%n",
					all.size(), generator.operations(), millis, classes, new java.util.TreeMap<>(perStatus),
					fingerprinted, failures.size());
		}
		finally {
			this.clock.reset();
			this.clock.advance(offset);
		}
		assertThat(failures).as("hostile requests that failed").isEmpty();
	}

	private void judge(FuzzRequests.Fuzzed request, HttpResponse<String> response,
			Map<Integer, AtomicInteger> perStatus, List<String> failures) {
		int status = response.statusCode();
		perStatus.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
		if (status < 300 && !request.method().equals("GET")) {
			this.accepted.merge(request.method() + " " + request.uri().replaceAll("\\?.*", ""), 1, Integer::sum);
		}
		String body = response.body();
		if (status >= 500) {
			failures.add(status + " " + request + " -> " + abbreviate(body));
		}
		else if (status >= 400) {
			String type = response.headers().firstValue("Content-Type").orElse("");
			String code = "";
			try {
				code = JSON.readTree(body).path("code").asString();
			}
			catch (RuntimeException ex) {
				// not JSON: reported below
			}
			if (!type.startsWith("application/problem+json") || code.isEmpty()) {
				failures.add("not a problem: " + status + " " + request + " -> " + type + " " + abbreviate(body));
			}
		}
	}

	private HttpResponse<String> send(FuzzRequests.Fuzzed request, Map<String, String> tokens) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + request.uri()))
			.timeout(Duration.ofSeconds(30))
			.method(request.method(), (request.body() == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(request.body()));
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		String token = tokens.get(request.role());
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException("no answer to " + request, ex);
		}
	}

	private String fingerprintSql;

	/** Row count and newest row version of each business table: any write changes one. */
	private List<String> fingerprint() {
		if (this.fingerprintSql == null) {
			this.fingerprintSql = fingerprintSql();
		}
		// UNION ALL promises no order: sorted, two equal fingerprints compare equal.
		return this.jdbc.sql(this.fingerprintSql).query(String.class).list().stream().sorted().toList();
	}

	private String fingerprintSql() {
		List<String> tables = this.jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
					+ " AND table_type = 'BASE TABLE' ORDER BY table_name")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !UNFINGERPRINTED.contains(table))
			.toList();
		return String.join(" UNION ALL ",
				tables.stream()
					.map(table -> "SELECT '" + table
							+ ":' || count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM " + table)
					.toList());
	}

	private static List<String> changed(List<String> before, List<String> after) {
		List<String> changed = new ArrayList<>(after);
		changed.removeAll(before);
		return changed;
	}

	private static String abbreviate(String text) {
		return (text == null || text.length() < 300) ? text : text.substring(0, 300) + "…";
	}

}
