package dev.failforward.jira;

import dev.failforward.host.i18n.BundleI18nResolver;

import java.util.Locale;

/** The Jira plugin's i18n bundles as the descriptor declares them, in English, for tests. */
public final class JiraI18n {

    private JiraI18n() {
    }

    public static BundleI18nResolver english() {
        return BundleI18nResolver.fromClasspath(Locale.ENGLISH,
                "i18n/failforward-jira.properties", "dev/failforward/core/i18n/failforward-core.properties");
    }
}
