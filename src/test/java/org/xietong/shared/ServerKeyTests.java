package org.xietong.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing key of a new data folder: instances starting at once all end with the key
 * that is on disk.
 */
class ServerKeyTests {

	@TempDir
	Path home;

	@Test
	void concurrentFirstStartsOnANewDataFolderAllKeepTheKeyOnDisk() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 30; round++) {
				Path folder = this.home.resolve("round-" + round).resolve("keys");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<String>> keys = IntStream.range(0, 8).mapToObj(i -> threads.submit(() -> {
					start.await();
					return new ServerKey(folder).publicKeyPem();
				})).toList();
				start.countDown();
				List<String> kept = new java.util.ArrayList<>();
				for (Future<String> key : keys) {
					kept.add(key.get());
				}
				String onDisk = new ServerKey(folder).publicKeyPem();
				assertThat(kept).as("round %d", round).allMatch(onDisk::equals);
				try (var left = Files.list(folder)) {
					assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left")
						.containsExactly("server-signing-key.pem");
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aKeyOnDiskIsKeptAcrossStarts() {
		Path folder = this.home.resolve("keys");
		ServerKey first = new ServerKey(folder);
		ServerKey second = new ServerKey(folder);
		assertThat(second.keyId()).isEqualTo(first.keyId());
		assertThat(first.verifies("text", second.sign("text"))).isTrue();
	}

	@Test
	void aSignatureIsTheJdksEd25519SignatureByteForByteAndChecksWithThePublishedKey() throws Exception {
		Path folder = this.home.resolve("keys");
		ServerKey key = new ServerKey(folder);
		String pem = Files.readString(folder.resolve("server-signing-key.pem"));
		String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
				pem.indexOf("-----END PRIVATE KEY-----"));
		java.security.PrivateKey privateKey = java.security.KeyFactory.getInstance("Ed25519")
			.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64.trim())));
		java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
		for (String text : List.of("", "receipt DL-2025-000001|2025-03-01T23:59:59+08:00|digest",
				"吉林省产学合作协同育人项目 申报回执 №42", "x".repeat(5000))) {
			jdk.initSign(privateKey);
			jdk.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			String expected = Base64.getEncoder().encodeToString(jdk.sign());
			String signature = key.sign(text);
			assertThat(signature).as("signature of %.20s", text).isEqualTo(expected);
			assertThat(key.verifies(text, signature)).isTrue();
			assertThat(key.verifies(text + ".", signature)).as("the same signature on another text").isFalse();
		}
	}

}
