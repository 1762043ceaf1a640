package dev.failforward.jira.panels;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardRules;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.award.AwardLabels;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.kpi.KpiUserContext;
import jakarta.inject.Inject;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of the issue view's award panel ({@code templates/panels/award-panel.vm}): the record's badges
 * ("Most valuable failure · Q3 2026" for a winner, "Nominated · Q4 2026" for a nominee) and, while an award whose
 * scope covers the record's project takes nominations and the record is not yet among them, what the "Nominate as
 * most valuable failure" form needs ({@code js/award/award-panel.js} sends it to {@code POST /awards/nominations}).
 * Through {@link AwardService}, so a record the user may not browse shows nothing. Every value is plain text, escaped
 * once by the host's renderer.
 */
public class AwardPanelContext implements ContextProvider {

    public static final String WEB_RESOURCE = "dev.failforward.jira:award-panel-resources";
    static final List<String> TEXTS = List.of("heading", "nominate", "reason", "reason.description", "scope",
            "nominated", "none");

    private final AwardService awards;
    private final I18nResolver i18n;
    private final KpiUserContext user;
    private final ApplicationProperties application;
    private final PageBuilderService page;

    @Inject
    public AwardPanelContext(AwardService awards, @ComponentImport I18nResolver i18n, KpiUserContext user,
                             @ComponentImport ApplicationProperties application,
                             @ComponentImport PageBuilderService page) {
        this.awards = Objects.requireNonNull(awards, "awards");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.user = Objects.requireNonNull(user, "user");
        this.application = Objects.requireNonNull(application, "application");
        this.page = Objects.requireNonNull(page, "page");
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> model = new LinkedHashMap<>(context);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : TEXTS) {
            texts.put(key.replace('.', '_'), i18n.getText("failforward.award.panel." + key));
        }
        model.put("text", texts);
        Optional<FailureRecord> record = context.get(FailureRecordPanelContext.ISSUE) instanceof Issue issue
                && issue.getKey() != null && awards.signedIn() ? awards.record(issue.getKey()) : Optional.empty();
        model.put("found", record.isPresent());
        if (record.isEmpty()) {
            return model;
        }
        String key = record.get().issueKey();
        model.put("issueKey", key);
        model.put("baseUrl", application.getBaseUrl(UrlMode.RELATIVE));
        List<Map<String, Object>> badges = new ArrayList<>();
        for (AwardService.Badge badge : awards.badges(List.of(key)).getOrDefault(key, List.of())) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", badge.winner() ? "winner" : "nominee");
            map.put("award", badge.award().id());
            map.put("label", AwardLabels.badge(badge.winner(),
                    AwardLabels.label(badge.award().period(), user.locale(), i18n), i18n));
            badges.add(map);
        }
        model.put("badges", badges);
        List<Map<String, Object>> open = new ArrayList<>();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(user.locale());
        for (AwardScope scope : awards.scopes()) {
            if (!scope.covers(record.get().projectKey())) {
                continue;
            }
            for (AwardService.Current current : awards.current(scope)) {
                boolean nominated = current.nominees().stream().anyMatch(n -> n.recordKey().equals(key));
                if (current.phase() == AwardPhase.NOMINATING && !nominated) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("scope", scope.key());
                    map.put("name", i18n.getText("failforward.award.panel.option",
                            AwardLabels.label(current.award().period(), user.locale(), i18n),
                            scope.isInstance() ? i18n.getText("failforward.award.panel.instance") : scope.name(),
                            current.award().period().end().minusDays(1).format(date)));
                    open.add(map);
                }
            }
        }
        model.put("open", open);
        model.put("reasonMax", AwardRules.REASON_MAX);
        page.assembler().resources().requireWebResource(WEB_RESOURCE);
        return model;
    }
}
