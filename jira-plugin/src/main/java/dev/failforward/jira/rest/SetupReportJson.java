package dev.failforward.jira.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.setup.SetupReport;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * JSON of what a setup run did: {@code {"changed":true,"items":[{"kind":"field","key":"hypothesis","outcome":"created",
 * "jiraId":"customfield_10100"}],"warnings":["…"]}}.
 */
public record SetupReportJson(String projectKey, boolean changed, List<Item> items, List<String> warnings) {

    public record Item(String kind, String key, String outcome, String jiraId) {
    }

    public static SetupReportJson from(String projectKey, SetupReport report, I18nResolver i18n) {
        return new SetupReportJson(projectKey, report.changedAnything(),
                report.items().stream().map(i -> new Item(lower(i.kind().name()), i.key(), lower(i.outcome().name()), i.jiraId())).toList(),
                report.warnings().stream().map(w -> i18n.getText(w.i18nKey(), w.arguments().toArray(Serializable[]::new))).toList());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
