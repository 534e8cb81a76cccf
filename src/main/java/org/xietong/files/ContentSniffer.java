package org.xietong.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a file's type from its first bytes (and, for ZIP containers, the entries that
 * make a Word or Excel document), so that a renamed executable is never taken for a PDF.
 */
final class ContentSniffer {

	private ContentSniffer() {
	}

	static Optional<FileType> detect(Path file) throws IOException {
		byte[] head = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (startsWith(head, read, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(FileType.PDF);
		}
		if (startsWith(head, read, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(FileType.PNG);
		}
		if (startsWith(head, read, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(FileType.JPEG);
		}
		if (startsWith(head, read, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			// An OLE2 compound document: Word 97 or Excel 97 alike; the name cannot be
			// trusted, so DOC.
			return Optional.of(FileType.DOC);
		}
		if (startsWith(head, read, 'P', 'K', 0x03, 0x04)) {
			return Optional.of(zipKind(file));
		}
		return Optional.empty();
	}

	private static FileType zipKind(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			boolean contentTypes = zip.getEntry("[Content_Types].xml") != null;
			if (contentTypes && hasEntryStartingWith(zip, "word/")) {
				return FileType.DOCX;
			}
			if (contentTypes && hasEntryStartingWith(zip, "xl/")) {
				return FileType.XLSX;
			}
			return FileType.ZIP;
		}
		catch (IOException ex) {
			return FileType.ZIP;
		}
	}

	private static boolean hasEntryStartingWith(ZipFile zip, String prefix) {
		return zip.stream().map(ZipEntry::getName).anyMatch(name -> name.startsWith(prefix));
	}

	private static boolean startsWith(byte[] head, int read, int... magic) {
		if (read < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
