package org.xietong.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.DomainException;
import org.xietong.shared.XietongProperties;

/**
 * Keeps uploaded files under {@code <home>/files}, once per content (named by its
 * SHA-256), with one record per upload. A file whose content is not of an allowed type,
 * or that is larger than allowed, is refused before anything is recorded.
 */
@Service
public class StoredFiles {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Path root;

	StoredFiles(JdbcClient jdbc, Clock clock, XietongProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.root = properties.home().resolve("files");
	}

	/**
	 * Stores a file read from {@code content}.
	 * @throws DomainException {@code FILE_TOO_LARGE} (413) or
	 * {@code FILE_TYPE_NOT_ALLOWED} (415)
	 */
	@Transactional
	public StoredFile store(InputStream content, String originalName, Set<FileType> allowed, long maxBytes,
			String createdBy) {
		Path temp = null;
		try {
			Files.createDirectories(this.root.resolve("tmp"));
			temp = Files.createTempFile(this.root.resolve("tmp"), "upload-", ".part");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
				size = copyAtMost(content, out, maxBytes);
			}
			if (size < 0) {
				throw new DomainException(413, "FILE_TOO_LARGE", "larger than " + maxBytes + " bytes",
						maxBytes / (1024 * 1024));
			}
			if (size == 0) {
				throw DomainException.invalid("file", "FILE_EMPTY", "the file is empty");
			}
			FileType type = ContentSniffer.detect(temp)
				.filter(allowed::contains)
				.orElseThrow(() -> new DomainException(415, "FILE_TYPE_NOT_ALLOWED", "not an allowed type",
						allowed.stream().map(FileType::extension).collect(Collectors.joining(", "))));
			String sha256 = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(sha256);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				// On disk before the row that names it commits: an answered upload
				// survives a
				// crash of the machine, not only of the process.
				force(temp);
				try {
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temp, target);
				}
				catch (FileAlreadyExistsException ex) {
					// Someone stored the same content at the same moment: one copy is
					// enough.
				}
				force(target.getParent());
			}
			Instant now = this.clock.instant();
			StoredFile file = new StoredFile(UUID.randomUUID(), sha256, size, type, cleanName(originalName), now);
			this.jdbc.sql("""
					INSERT INTO stored_files (id, sha256, size_bytes, media_type, original_name, created_at, created_by)
					VALUES (:id, :sha, :size, :type, :name, :at, :by)""")
				.param("id", file.id())
				.param("sha", sha256)
				.param("size", size)
				.param("type", type.name())
				.param("name", file.originalName())
				.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.param("by", createdBy)
				.update();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the file", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					// a leftover in tmp/ is harmless
				}
			}
		}
	}

	@Transactional(readOnly = true)
	public Optional<StoredFile> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM stored_files WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getString("sha256"),
					rs.getLong("size_bytes"), FileType.valueOf(rs.getString("media_type")),
					rs.getString("original_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The file's bytes; the caller closes the stream. */
	public InputStream open(StoredFile file) {
		try {
			return Files.newInputStream(pathOf(file.sha256()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("stored file " + file.id() + " is missing from disk", ex);
		}
	}

	private static void force(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private Path pathOf(String sha256) {
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	/** Copies at most {@code max} bytes; answers the count, or -1 when there was more. */
	private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			total += n;
			if (total > max) {
				return -1;
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	private static String cleanName(String name) {
		if (name == null || name.isBlank()) {
			return "file";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

}
