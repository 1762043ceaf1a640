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

    /**
     * Loads the bundles (class-path resources such as {@code i18n/failforward-jira.properties}, read as UTF-8), as a
     * plugin with several {@code <resource type="i18n">} elements sees them; a later bundle wins for a repeated key.
     */
    public static BundleI18nResolver fromClasspath(Locale locale, String... resources) {
        Objects.requireNonNull(locale, "locale");
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : BundleI18nResolver.class.getClassLoader();
        Properties properties = new Properties();
        for (String resource : resources) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("No i18n bundle on the class path: " + resource);
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return new BundleI18nResolver(properties, locale);
    }

    /** Loads bundles from URLs (e.g. the i18n resources of one plugin jar); a later bundle wins for a repeated key. */
    public static BundleI18nResolver fromUrls(Locale locale, java.util.List<java.net.URL> bundles) {
        Objects.requireNonNull(locale, "locale");
        Properties properties = new Properties();
        for (java.net.URL url : bundles) {
            try (InputStream in = url.openStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + url, e);
            }
        }
        return new BundleI18nResolver(properties, locale);
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
