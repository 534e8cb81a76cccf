package org.xietong.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile requests for the operations of an OpenAPI document, from a seeded
 * {@link Random}: plausible bodies with one field made hostile, missing and extra fields,
 * broken JSON, broken multipart, garbage path ids and query values.
 */
final class FuzzRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Raw JSON values that no field should take as they are. */
	private static final List<String> HOSTILE_JSON = List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udfffy\"",
			"\"\\udc00\\ud800\"", "\"%\"", "\"_\"", "\"\\\\\"", "\"%_%\"", "1234", "true", "false", "1.5", "-1", "0",
			"1e308", "-9223372036854775809", "9223372036854775807", "99999999999999999999999", "\"\"", "null", "{}",
			"[]", "[null]", "[\"a\\u0000\"]", "\"-999999999-01-01\"", "\"0000-01-01\"", "\"1899-12-31\"",
			"\"2101-01-01\"", "\"9999-12-31\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
			"\"0000-01-01T00:00:00+08:00\"", "\"2024-13-45\"", "\"P99999999999D\"", "\"PT-9999999999H\"",
			"\"P-99999999999D\"", "\"NaN\"", "\"Infinity\"", "\"" + "长".repeat(5000) + "\"", "{\"a\":{\"b\":[1,{}]}}",
			"\"00000000-0000-0000-0000-000000000000\"", "\"not-a-uuid\"", "\"12345678901234567890.999\"", "\"-0.01\"",
			"\"1e9999\"");

	private static final List<String> BROKEN_BODIES = List.of("{", "[]", "null", "123", "\"x\"", "{\"a\":",
			"{\"a\":1,}", "{'a':1}", "\u0000", "{\"a\":\"\u0000\"}", "[".repeat(2000) + "]".repeat(2000), "{}",
			"{\"version\":1.5}", "\ufeff{}", "{\"a\":1}{\"b\":2}", "\u00ff\u00fe");

	private static final List<String> HOSTILE_PATH = List.of("garbage", "0", "-1", "%00", "%20", "a%25b",
			"99999999999999999999", "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "%ED%A0%80", "..%2F..", "1.5",
			"%27%3B--");

	private static final List<String> HOSTILE_QUERY = List.of("%25", "_", "%5C", "%25_%25", "a%00b", "%00", "%ED%A0%80",
			"-1", "99999999999999999999", "1.5", "true", "-999999999-01-01", "0000-01-01", "2101-01-01T00:00:00Z",
			"%2B999999999-12-31T23:59:59Z", "garbage", "", "%E2%80%AE", "x".repeat(3000));

	private final List<Operation> operations = new ArrayList<>();

	private final JsonNode schemas;

	private final Random random;

	FuzzRequests(JsonNode docs, Random random) {
		this.random = random;
		this.schemas = docs.path("components").path("schemas");
		for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
			if (!path.getKey().startsWith("/api/v1")) {
				continue;
			}
			for (String method : List.of("get", "post", "put", "patch")) {
				JsonNode operation = path.getValue().path(method);
				if (!operation.isMissingNode()) {
					this.operations
						.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path.getKey(), operation));
				}
			}
		}
	}

	int operations() {
		return this.operations.size();
	}

	/** The {@code n}th request, as {@code role}. */
	Fuzzed next(int n, String role) {
		Operation operation = this.operations.get(n % this.operations.size());
		String uri = uri(operation);
		if (operation.method().equals("GET")) {
			return new Fuzzed(role, "GET", uri, null, null);
		}
		JsonNode content = operation.node().path("requestBody").path("content");
		if (content.has("multipart/form-data")) {
			return multipart(role, operation, uri, schema(content.path("multipart/form-data").path("schema")));
		}
		JsonNode schema = content.path("application/json").path("schema");
		return switch (this.random.nextInt(10)) {
			case 0 -> new Fuzzed(role, operation.method(), uri, "application/json", bytes(pick(BROKEN_BODIES)));
			case 1 -> new Fuzzed(role, operation.method(), uri, pick(List.of("text/plain", "application/xml",
					"multipart/form-data", "application/json; charset=latin1")), bytes("{\"a\":1}"));
			case 2 -> new Fuzzed(role, operation.method(), uri, "application/json", bytes(everyLeafHostile(schema)));
			default -> new Fuzzed(role, operation.method(), uri, "application/json", bytes(oneFieldHostile(schema)));
		};
	}

	private String uri(Operation operation) {
		String path = operation.path();
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation.node().path("parameters")) {
			String name = parameter.path("name").asString();
			if (parameter.path("in").asString().equals("path")) {
				String value = this.random.nextBoolean() ? UUID.randomUUID().toString() : pick(HOSTILE_PATH);
				path = path.replace("{" + name + "}", value);
			}
			else if (parameter.path("in").asString().equals("query") && this.random.nextInt(3) > 0) {
				String value = this.random.nextBoolean() ? pick(HOSTILE_QUERY)
						: URLEncoder.encode(plainText(plausible(parameter.path("schema"), 0)), StandardCharsets.UTF_8);
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
			}
		}
		if (this.random.nextInt(8) == 0) {
			query.append(query.isEmpty() ? "?" : "&")
				.append(pick(List.of("q", "page", "size", "x%00", "batchId")))
				.append('=')
				.append(pick(HOSTILE_QUERY));
		}
		return path + query;
	}

	private Fuzzed multipart(String role, Operation operation, String uri, JsonNode schema) {
		String boundary = "fuzz" + this.random.nextInt(1_000_000);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		List<String> names = new ArrayList<>();
		schema.path("properties").propertyNames().forEach(names::add);
		if (names.isEmpty()) {
			names.add("file");
		}
		String skipped = (this.random.nextInt(3) == 0) ? pick(names) : null;
		for (String name : names) {
			if (name.equals(skipped)) {
				continue;
			}
			JsonNode property = schema(schema.path("properties").path(name));
			boolean file = "binary".equals(property.path("format").asString())
					|| "binary".equals(property.path("items").path("format").asString()) || name.equals("file");
			String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
			if (file) {
				String fileName = pick(List.of("a.pdf", "a\u0000b.pdf", "\ud800.pdf", "../../etc/passwd", "",
						"长".repeat(300) + ".pdf", "a%00b.pdf", "CON"));
				body.writeBytes((header + "; filename=\"" + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.writeBytes(pick(List.of("%PDF-1.4\n%%EOF\n", "", "\u0000\u0000", "<html></html>"))
					.getBytes(StandardCharsets.UTF_8));
			}
			else {
				String value = this.random.nextBoolean() ? plainText(plausible(property, 0)) : pick(List.of("a\u0000b",
						"\ud800", "{", "{\"cashTotal\":\"a\u0000\"}", "%_", "-1", "0000-01-01", schemaNamed(name)));
				body.writeBytes((header + "\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] bytes = body.toByteArray();
		return switch (this.random.nextInt(6)) {
			case 0 -> new Fuzzed(role, operation.method(), uri, "multipart/form-data", bytes);
			case 1 -> new Fuzzed(role, operation.method(), uri, "multipart/form-data; boundary=" + boundary,
					java.util.Arrays.copyOf(bytes, bytes.length / 2));
			case 2 -> new Fuzzed(role, operation.method(), uri, "multipart/form-data; boundary=other", bytes);
			default -> new Fuzzed(role, operation.method(), uri, "multipart/form-data; boundary=" + boundary, bytes);
		};
	}

	/** The JSON of a request part named like a schema (the agreement's {@code terms}). */
	private String schemaNamed(String name) {
		for (Map.Entry<String, JsonNode> entry : this.schemas.properties()) {
			if (entry.getKey().toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT))) {
				return JSON.writeValueAsString(plausible(entry.getValue(), 0));
			}
		}
		return "{}";
	}

	private String oneFieldHostile(JsonNode schema) {
		Object value = plausible(schema, 0);
		String json = JSON.writeValueAsString(value);
		if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
			return this.random.nextBoolean() ? json : pick(HOSTILE_JSON);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) map;
		List<String> names = new ArrayList<>(fields.keySet());
		String name = pick(names);
		switch (this.random.nextInt(6)) {
			case 0 -> fields.remove(name);
			case 1 -> fields.put("unexpected" + this.random.nextInt(9), new Raw(pick(HOSTILE_JSON)));
			default -> fields.put(name, new Raw(pick(HOSTILE_JSON)));
		}
		return write(fields);
	}

	private String everyLeafHostile(JsonNode schema) {
		Object value = plausible(schema, 0);
		return write(hostileLeaves(value));
	}

	private Object hostileLeaves(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, inner) -> copy.put(key.toString(), hostileLeaves(inner)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(this::hostileLeaves).toList();
		}
		return new Raw(pick(HOSTILE_JSON));
	}

	/** Writes a value in which {@link Raw} pieces stand as they are. */
	private static String write(Object value) {
		if (value instanceof Raw raw) {
			return raw.json();
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				out.append(JSON.writeValueAsString(entry.getKey().toString()))
					.append(':')
					.append(write(entry.getValue()));
				out.append(entries.hasNext() ? "," : "");
			}
			return out.append('}').toString();
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(",", list.stream().map(FuzzRequests::write).toList()) + "]";
		}
		return JSON.writeValueAsString(value);
	}

	/** A value that fits the schema, so that one hostile field gets past the others. */
	private Object plausible(JsonNode schema, int depth) {
		schema = schema(schema);
		if (depth > 6) {
			return null;
		}
		String type = type(schema);
		if (schema.has("enum")) {
			return schema.path("enum").get(0).asString();
		}
		switch (type) {
			case "object" -> {
				Map<String, Object> object = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					object.put(property.getKey(), plausible(property.getValue(), depth + 1));
				}
				return object;
			}
			case "array" -> {
				List<Object> list = new ArrayList<>();
				list.add(plausible(schema.path("items"), depth + 1));
				return list;
			}
			case "integer" -> {
				return 1;
			}
			case "number" -> {
				return 1;
			}
			case "boolean" -> {
				return Boolean.FALSE;
			}
			default -> {
				return switch (schema.path("format").asString()) {
					case "date" -> "2025-03-03";
					case "date-time" -> "2025-03-03T10:00:00+08:00";
					case "uuid" -> UUID.randomUUID().toString();
					default -> "测试" + this.random.nextInt(1000);
				};
			}
		}
	}

	private JsonNode schema(JsonNode schema) {
		for (int i = 0; i < 10 && schema.has("$ref"); i++) {
			String ref = schema.path("$ref").asString();
			schema = this.schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
		}
		if (schema.has("allOf") && schema.path("allOf").size() > 0) {
			return schema(schema.path("allOf").get(0));
		}
		if (schema.has("oneOf") && schema.path("oneOf").size() > 0) {
			return schema(schema.path("oneOf").get(0));
		}
		return schema;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode one : type) {
				if (!one.asString().equals("null")) {
					return one.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : "string";
	}

	private static String plainText(Object value) {
		return (value instanceof String text) ? text : JSON.writeValueAsString(value);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record Operation(String method, String path, JsonNode node) {
	}

	/** A piece of JSON written as it is. */
	private record Raw(String json) {
	}

	/** One request: who sends it, and what. */
	record Fuzzed(String role, String method, String uri, String contentType, byte[] body) {

		@Override
		public String toString() {
			String text = (this.body == null) ? "" : new String(this.body, StandardCharsets.UTF_8);
			return this.role + " " + this.method + " " + this.uri + " "
					+ ((text.length() > 200) ? text.substring(0, 200) + "…" : text);
		}

	}

}
