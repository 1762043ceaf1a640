package dev.failforward.jira.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.JiraI18n;
import dev.failforward.rest.testing.RestApp;

/**
 * The Jira plugin's REST module in tests: the shared Jersey set-up ({@link RestApp}) with this plugin's
 * {@link JiraRestPlugin} over its i18n bundles, which are also bound as the resources' {@link I18nResolver}.
 */
final class JiraRest {

    private JiraRest() {
    }

    static RestApp.Builder app() {
        return app(JiraI18n.english());
    }

    static RestApp.Builder app(I18nResolver i18n) {
        return RestApp.of(new JiraRestPlugin(i18n)).bind(I18nResolver.class, i18n);
    }
}
