package org.xietong.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The CJK font for every PDF the platform writes: WenQuanYi Micro Hei, shipped on the
 * classpath (with its licence) so that Chinese shows on any machine, whatever fonts it
 * has. Loaded once.
 */
public final class PdfFonts {

	private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static volatile BaseFont chinese;

	private PdfFonts() {
	}

	/** The font, embedded as a subset with Identity-H encoding. */
	public static BaseFont chinese() {
		BaseFont font = chinese;
		if (font == null) {
			synchronized (PdfFonts.class) {
				font = chinese;
				if (font == null) {
					font = load();
					chinese = font;
				}
			}
		}
		return font;
	}

	private static BaseFont load() {
		try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			byte[] bytes = in.readAllBytes();
			BaseFont font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					bytes, null);
			if (!font.charExists('中')) {
				throw new IllegalStateException("the PDF font has no Chinese glyphs");
			}
			return font;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (com.lowagie.text.DocumentException ex) {
			throw new IllegalStateException("cannot load the PDF font", ex);
		}
	}

}
