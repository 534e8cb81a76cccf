package org.xietong.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The pages' and errors' texts: every module keeps its own
 * {@code messages/<module>.properties} (Chinese) and
 * {@code messages/<module>_en.properties} (English), and all are found here.
 */
public final class ModuleMessages extends ReloadableResourceBundleMessageSource {

	public ModuleMessages() {
		setBasenames(baseNames());
		setDefaultEncoding("UTF-8");
		setFallbackToSystemLocale(false);
		setCacheSeconds(-1);
		// Always through MessageFormat, so that an apostrophe is written '' in every
		// message alike.
		setAlwaysUseMessageFormat(true);
	}

	private static String[] baseNames() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:messages/*.properties");
			return Arrays.stream(resources)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.filter(name -> !name.contains("_"))
				.map(name -> "classpath:messages/" + name.substring(0, name.length() - ".properties".length()))
				.distinct()
				.sorted()
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the message files", ex);
		}
	}

}
