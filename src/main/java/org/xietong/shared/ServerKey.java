package org.xietong.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.springframework.stereotype.Component;

/**
 * The server's signing key (Ed25519): made on first start and kept in
 * {@code <home>/keys}, so that every instance sharing the data folder signs with the same
 * key and a receipt stays verifiable after a restart. Its public half is published as PEM
 * for checking signatures offline.
 */
@Component
public class ServerKey {

	/** The signature algorithm, as {@link Signature} and the published key name it. */
	public static final String ALGORITHM = "Ed25519";

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	/**
	 * The private key's 32-byte seed and the public key's encoded point, as RFC 8032
	 * names them: signing uses Bouncy Castle's Ed25519 with its precomputed tables, ten
	 * times faster than the JDK's, which derives the public point again for every
	 * signature. Ed25519 is deterministic: the signature is the same byte for byte.
	 */
	private final byte[] seed;

	private final byte[] publicPoint;

	@org.springframework.beans.factory.annotation.Autowired
	ServerKey(XietongProperties properties) {
		this(properties.home().resolve("keys"));
	}

	ServerKey(Path folder) {
		KeyPair pair = loadOrCreate(folder);
		this.privateKey = pair.getPrivate();
		this.publicKey = pair.getPublic();
		this.seed = ((EdECPrivateKey) this.privateKey).getBytes()
			.orElseThrow(() -> new IllegalStateException("the server's signing key has no seed"));
		this.publicPoint = new byte[Ed25519.PUBLIC_KEY_SIZE];
		Ed25519.generatePublicKey(this.seed, 0, this.publicPoint, 0);
		byte[] encoded = this.publicKey.getEncoded();
		if (!Arrays.equals(encoded, encoded.length - Ed25519.PUBLIC_KEY_SIZE, encoded.length, this.publicPoint, 0,
				Ed25519.PUBLIC_KEY_SIZE)) {
			throw new IllegalStateException("the server's signing key: its public half does not match its private");
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(encoded);
			this.keyId = HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs {@code text} (UTF-8); answers the signature in base64. */
	public String sign(String text) {
		byte[] message = text.getBytes(StandardCharsets.UTF_8);
		byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
		Ed25519.sign(this.seed, 0, this.publicPoint, 0, message, 0, message.length, signature, 0);
		return Base64.getEncoder().encodeToString(signature);
	}

	/** Whether {@code signature} (base64) is this key's signature of {@code text}. */
	public boolean verifies(String text, String signature) {
		try {
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(this.publicKey);
			verifier.update(text.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * A secret for one purpose, derived from the private key (HMAC-SHA256 of the purpose
	 * under the key's encoding): every instance sharing the data folder derives the same,
	 * and nobody without the key file can.
	 */
	public byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.privateKey.getEncoded(), "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot derive a key", ex);
		}
	}

	/**
	 * The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509
	 * SubjectPublicKeyInfo).
	 */
	public String publicKeyPem() {
		return pem("PUBLIC KEY", this.publicKey.getEncoded());
	}

	/** A short name of the key: the first 8 bytes of its SHA-256, in hex. */
	public String keyId() {
		return this.keyId;
	}

	/**
	 * Reads the key pair from {@code server-signing-key.pem} (its private and its public
	 * block), or makes one: written whole to a temporary file, then linked into place,
	 * which fails when the name exists (a move on Linux would replace it). Of two
	 * instances starting at once on a new data folder, one key wins, and both read back
	 * and use that one.
	 */
	private static KeyPair loadOrCreate(Path folder) {
		Path file = folder.resolve("server-signing-key.pem");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(folder);
				KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
				Path temp = Files.createTempFile(folder, "key-", ".part");
				try {
					Files.writeString(temp, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
							+ pem("PUBLIC KEY", pair.getPublic().getEncoded()));
					publish(temp, file);
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			String text = Files.readString(file);
			KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
			PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(block(text, "PRIVATE KEY")));
			PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC KEY")));
			return new KeyPair(publicKey, privateKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or make the server's signing key in " + folder, ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("the server's signing key in " + file + " is not usable", ex);
		}
	}

	/**
	 * Puts the complete {@code temp} at {@code file} unless something is there already: a
	 * hard link is created atomically or not at all; where the file system has none, a
	 * move without replace semantics.
	 */
	private static void publish(Path temp, Path file) throws IOException {
		try {
			Files.createLink(file, temp);
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance made the key at the same moment: that one is read back.
		}
		catch (UnsupportedOperationException | FileSystemException ex) {
			try {
				Files.move(temp, file);
			}
			catch (FileAlreadyExistsException lost) {
				// As above: the other key is read back.
			}
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] block(String text, String type) {
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("no " + type + " block");
		}
		return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to).trim());
	}

}
