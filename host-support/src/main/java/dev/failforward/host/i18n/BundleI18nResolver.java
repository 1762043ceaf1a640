package dev.failforward.host.i18n;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@link I18nResolver} stand-in over a plugin's own i18n bundle (the {@code <resource type="i18n">} properties
 * file), formatted with {@link MessageFormat} like the products do. An unknown key resolves to the key itself, which
 * is also what SAL does, so a missing translation shows up instead of failing.
 */
public final class BundleI18nResolver implements I18nResolver {

    private final Properties messages;
    private final Locale locale;

    private BundleI18nResolver(Properties messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Loads {@code resource} (e.g. {@code i18n/failforward-jira.properties}) as UTF-8 from the class path. */
    public static BundleI18nResolver fromClasspath(String resource, Locale locale) {
        Objects.requireNonNull(resource, "resource");
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : BundleI18nResolver.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No i18n bundle on the class path: " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new BundleI18nResolver(properties, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public boolean hasKey(String key) {
        return messages.containsKey(key);
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            return key;
        }
        if (arguments == null || arguments.length == 0) {
            // MessageFormat would turn '' into ' even without arguments; the products only format with arguments
            return new MessageFormat(pattern, locale).format(new Object[0]);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
