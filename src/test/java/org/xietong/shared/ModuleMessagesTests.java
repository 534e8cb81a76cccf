package org.xietong.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of every module, in both languages, is a valid message that loses nothing
 * when formatted.
 */
class ModuleMessagesTests {

	@Test
	void everyMessageFormatsAndKeepsItsApostrophes() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:messages/*.properties")) {
			Properties messages = load(resource);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] { 1, 2, 3, 4 });
				long apostrophes = text.chars().filter(c -> c == '\'').count();
				// A lone apostrophe opens a quoted section and the text after it is lost:
				// every apostrophe is written twice.
				assertThat(text.replace("''", "")).as(resource.getFilename() + " " + key).doesNotContain("'");
				assertThat(formatted.chars().filter(c -> c == '\'').count()).as(resource.getFilename() + " " + key)
					.isEqualTo(apostrophes / 2);
			}
		}
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (Resource chinese : resolver.getResources("classpath*:messages/*.properties")) {
			String name = chinese.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			Resource english = resolver
				.getResource("classpath:messages/" + name.replace(".properties", "_en.properties"));
			assertThat(english.exists()).as(name + " has an English twin").isTrue();
			Set<String> zh = new TreeSet<>(load(chinese).stringPropertyNames());
			Set<String> en = new TreeSet<>(load(english).stringPropertyNames());
			assertThat(en).as(name).containsExactlyInAnyOrderElementsOf(zh);
		}
	}

	@Test
	void theMessageSourceSpeaksBothLanguages() {
		ModuleMessages messages = new ModuleMessages();
		assertThat(messages.getMessage("error.FORBIDDEN", null, Languages.CHINESE)).isEqualTo("您的角色无权进行此操作。");
		assertThat(messages.getMessage("error.FORBIDDEN", null, Languages.ENGLISH))
			.isEqualTo("Your role may not do this.");
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
