package dev.failforward.confluence.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.rest.testing.RestApp;

import java.util.Locale;

/**
 * The Confluence plugin's REST module in tests: the shared Jersey set-up ({@link RestApp}) with this plugin's
 * {@link ConfluenceRestPlugin} over its i18n bundles, which are also bound as the resources' {@link I18nResolver}.
 */
final class ConfluenceRest {

    private ConfluenceRest() {
    }

    /** The plugin's bundles as the descriptor declares them, in English. */
    static BundleI18nResolver english() {
        return BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/failforward-confluence.properties",
                "dev/failforward/core/i18n/failforward-core.properties");
    }

    static RestApp.Builder app(I18nResolver i18n) {
        return RestApp.of(new ConfluenceRestPlugin(i18n)).bind(I18nResolver.class, i18n);
    }
}
