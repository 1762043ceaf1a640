package dev.failforward.jira.panels;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.failforward.core.incident.RuleResult;
import dev.failforward.core.incident.TwentyFourHourRule;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.recurrence.RecurrenceService;
import dev.failforward.jira.retro.RetroPage;
import dev.failforward.jira.retro.RetroPageLinks;
import dev.failforward.core.criteria.ObservedResults;
import dev.failforward.jira.users.SalUserDirectory;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The context of the issue-view panels ({@code templates/panels/*.vm}): the failure record of the viewed issue read
 * through {@link FailureDbService}, so the user's <em>Browse Projects</em> permission applies exactly as on the REST
 * API (a hidden or missing record gives {@code found = false} and the panel says there is nothing recorded).
 *
 * <p>Every value handed to the template is plain text (user text, dates formatted for the user, enum labels from
 * i18n) and is escaped once by the host's renderer; nothing here ends in {@code Html}. Lists are lists of maps
 * ({@code Map#get} is on the plugin's Velocity allowlist).
 */
public class FailureRecordPanelContext implements ContextProvider {

    /** The issue view's context key for the viewed {@code com.atlassian.jira.issue.Issue}. */
    public static final String ISSUE = "issue";
    /**
     * The panels' script: the live countdown of the 24-hour rule, and for users who may edit the issue the forms that
     * add, edit, complete and delete learnings and action items in place (progressive enhancement of the rendered
     * lists; without it the panels still show everything).
     */
    public static final String WEB_RESOURCE = "dev.failforward.jira:issue-panels";
    /** How many earlier experiments the lineage walks back ("pivoted from" of "pivoted from" ...). */
    static final int LINEAGE_DEPTH = 5;
    /** How many later experiments ("pivoted to") the lineage shows. */
    static final int PIVOTS_SHOWN = 10;

    private final FailureDbService failureDb;
    private final IssueFields fields;
    private final I18nResolver i18n;
    private final UserDates dates;
    private final ApplicationProperties application;
    private final PageBuilderService page;
    private final RecordPermissions permissions;
    private final SalUserDirectory users;
    private final RetroPageLinks retroPages;
    private final RecurrenceService recurrences;
    private final Clock clock;

    @Inject
    public FailureRecordPanelContext(FailureDbService failureDb, IssueFields fields,
                                     @ComponentImport I18nResolver i18n, UserDates dates,
                                     @ComponentImport ApplicationProperties application,
                                     @ComponentImport PageBuilderService page, RecordPermissions permissions,
                                     SalUserDirectory users, RetroPageLinks retroPages,
                                     RecurrenceService recurrences) {
        this(failureDb, fields, i18n, dates, application, page, permissions, users, retroPages, recurrences,
                Clock.systemUTC());
    }

    FailureRecordPanelContext(FailureDbService failureDb, IssueFields fields, I18nResolver i18n, UserDates dates,
                              ApplicationProperties application, PageBuilderService page,
                              RecordPermissions permissions, SalUserDirectory users, RetroPageLinks retroPages,
                              RecurrenceService recurrences, Clock clock) {
        this.failureDb = Objects.requireNonNull(failureDb, "failureDb");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.dates = Objects.requireNonNull(dates, "dates");
        this.application = Objects.requireNonNull(application, "application");
        this.page = Objects.requireNonNull(page, "page");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.users = Objects.requireNonNull(users, "users");
        this.retroPages = Objects.requireNonNull(retroPages, "retroPages");
        this.recurrences = Objects.requireNonNull(recurrences, "recurrences");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> model = new LinkedHashMap<>(context);
        model.put("text", texts());
        if (!(context.get(ISSUE) instanceof Issue issue) || issue.getKey() == null) {
            model.put("found", false);
            return model;
        }
        RecordDetails details;
        try {
            details = failureDb.details(issue.getKey());
        } catch (FailureDbException.NotFound e) {
            model.put("found", false);
            return model;
        }
        FailureRecord record = details.record();
        model.put("found", true);
        model.put("issueKey", record.issueKey());
        model.put("baseUrl", application.getBaseUrl(UrlMode.RELATIVE));
        model.put("canEdit", permissions.canEdit(record.projectKey()));
        model.put("experiment", record.kind() == RecordKind.EXPERIMENT);
        model.put("learnings", details.learnings().stream().map(this::learning).toList());
        model.put("actions", details.actionItems().stream().map(this::action).toList());
        model.put("whys", details.whys().stream().map(this::why).toList());
        model.put("retros", retros(issue, details.learnings()));
        model.put("recurrences", record.kind() == RecordKind.INCIDENT ? recurrences.pending(record).stream()
                .map(this::recurrence).toList() : List.of());
        Map<String, Object> rule = rule(details);
        model.put("rule", rule);
        page.assembler().resources().requireWebResource(WEB_RESOURCE);
        if (record.kind() == RecordKind.EXPERIMENT) {
            model.put("plan", plan(issue, record));
            model.put("lineage", lineage(record));
            model.put("pivots", pivots(record));
        }
        return model;
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : List.of("learnings", "actions", "whys", "rule", "retros", "plan", "lineage", "none",
                "notfound", "owner", "due", "status", "checkin", "deadline", "metat", "missedat", "timeleft",
                "success", "stop", "outcome", "decision", "rationale", "pivotedfrom", "pivotedto", "thisexperiment",
                "hidden", "type", "observed", "verdict", "followup", "similar", "recurrencereasons",
                "recurrenceconfirm", "recurrencedismiss")) {
            texts.put(key, i18n.getText("failforward.panel." + key));
        }
        return texts;
    }

    /** "Recurrence of OPS-12?": the earlier failure, why it was offered; confirmed or dismissed in place. */
    private Map<String, Object> recurrence(RecurrenceService.Shown shown) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", shown.past().issueKey());
        map.put("question", i18n.getText("failforward.panel.recurrence.question", shown.past().issueKey()));
        map.put("summary", shown.past().summary());
        map.put("url", application.getBaseUrl(UrlMode.RELATIVE) + "/browse/" + shown.past().issueKey());
        map.put("reasons", String.join(", ", shown.suggestion().reasons()));
        return map;
    }

    private Map<String, Object> learning(Learning learning) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", learning.id());
        map.put("text", learning.text());
        map.put("kind", i18n.getText(learning.kind().i18nKey()));
        map.put("kindName", learning.kind().name());
        map.put("kindKey", learning.kind().name().toLowerCase(java.util.Locale.ROOT));
        map.put("created", dates.dateTime(learning.createdAt()));
        return map;
    }

    private Map<String, Object> action(ActionItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", item.id());
        map.put("version", item.version());
        map.put("description", item.description());
        map.put("owner", users.displayName(item.ownerKey()));
        map.put("ownerKey", item.ownerKey());
        map.put("due", dates.date(item.dueDate()));
        map.put("dueIso", item.dueDate().toString());
        map.put("status", i18n.getText(item.status().i18nKey()));
        map.put("statusName", item.status().name());
        map.put("statusKey", item.status().name().toLowerCase(java.util.Locale.ROOT));
        map.put("type", i18n.getText(item.type().i18nKey()));
        map.put("typeName", item.type().name());
        map.put("checkIn", item.checkInDate() == null ? "" : dates.date(item.checkInDate()));
        map.put("checkInIso", item.checkInDate() == null ? "" : item.checkInDate().toString());
        String followUp = item.followUpKey() == null ? "" : item.followUpKey();
        map.put("followUp", followUp);
        map.put("followUpUrl", followUp.isEmpty() ? "" : application.getBaseUrl(UrlMode.RELATIVE) + "/browse/" + followUp);
        map.put("checkInResult", item.checkInResult() == null ? "" : i18n.getText(item.checkInResult().i18nKey()));
        map.put("checkInResultName", item.checkInResult() == null ? "" : item.checkInResult().name());
        map.put("checkInNote", item.checkInNote() == null ? "" : item.checkInNote());
        return map;
    }

    private Map<String, Object> why(WhyStep step) {
        return Map.of("position", step.position(), "question", step.question(), "answer", step.answer());
    }

    /**
     * The distinct retro pages of the issue, in the order first seen: those linked to it from Confluence (remote links
     * made when a page was created from a retro blueprint), then those its learnings were written down on.
     */
    private List<Map<String, Object>> retros(Issue issue, List<Learning> learnings) {
        Map<String, Map<String, Object>> pages = new LinkedHashMap<>();
        for (RetroPage page : retroPages.pages(issue)) {
            pages.putIfAbsent(page.url(), Map.of("url", page.url(), "title", page.title()));
        }
        for (Learning learning : learnings) {
            SourcePage source = learning.source();
            if (source != null && !pages.containsKey(source.url())) {
                pages.put(source.url(), Map.of("url", source.url(),
                        "title", source.title() == null ? source.url() : source.title()));
            }
        }
        return List.copyOf(pages.values());
    }

    /** The 24-hour rule from discovery (incidents; an experiment has no discovery time, so no rule). */
    private Map<String, Object> rule(RecordDetails details) {
        Instant discovered = details.record().discoveredAt();
        if (discovered == null) {
            return null;
        }
        Instant now = clock.instant();
        RuleResult result = TwentyFourHourRule.defaults().evaluate(discovered,
                details.learnings().stream().map(Learning::createdAt).toList(),
                details.actionItems().stream().map(ActionItem::createdAt).toList(), now);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", result.status().name());
        map.put("label", i18n.getText(result.status().i18nKey()));
        map.put("deadline", dates.dateTime(result.deadline()));
        map.put("deadlineIso", result.deadline().toString());
        map.put("metAt", result.metAt() == null ? "" : dates.dateTime(result.metAt()));
        map.put("counts", i18n.getText("failforward.panel.rule.counts", result.learnings(), result.nextSteps()));
        if (result.status() == RuleResult.Status.PENDING) {
            Duration left = Duration.between(now, result.deadline());
            map.put("left", i18n.getText("failforward.panel.rule.left", left.toHours(), left.toMinutesPart()));
        } else {
            map.put("left", "");
        }
        return map;
    }

    /** The plan (criteria as written, one a line) against the result (outcome, decision and its rationale). */
    private Map<String, Object> plan(Issue issue, FailureRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("success", lines(record.successCriteria()));
        map.put("stop", lines(record.stopCriteria()));
        map.put("criteria", criteria(record, fields.text(issue, FailForwardField.OBSERVED_RESULTS)));
        map.put("outcome", record.outcome() == null ? "" : i18n.getText(record.outcome().i18nKey()));
        map.put("decision", record.decision() == null ? "" : i18n.getText(record.decision().i18nKey()));
        String rationale = fields.text(issue, FailForwardField.DECISION_RATIONALE);
        map.put("rationale", rationale == null ? "" : rationale);
        return map;
    }

    /**
     * Each success and stop criterion with what was observed for it ({@code Observed results}, "metric: value" per
     * line) and the verdict: met / not met / unknown, for a stop criterion triggered / not triggered.
     */
    private List<Map<String, Object>> criteria(FailureRecord record, String observed) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ObservedResults.Row row : ObservedResults.match(record.successCriteria(), record.stopCriteria(), observed)) {
            boolean stop = row.kind() == ObservedResults.Kind.STOP;
            String verdict = switch (row.verdict()) {
                case MET -> stop ? "stopped" : "met";
                case NOT_MET -> stop ? "notstopped" : "notmet";
                case UNKNOWN -> "unknown";
            };
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", stop ? "stop" : "success");
            map.put("criterion", row.criterion());
            map.put("observed", row.observed() == null ? "" : row.observed());
            map.put("verdict", verdict);
            map.put("verdictLabel", i18n.getText("failforward.panel.verdict." + verdict));
            rows.add(map);
        }
        return rows;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of()
                : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The experiments that pivoted from this one, as far as the user may see them. */
    private List<Map<String, Object>> pivots(FailureRecord record) {
        String browse = application.getBaseUrl(UrlMode.RELATIVE) + "/browse/";
        return failureDb.pivotedTo(record.issueKey(), PIVOTS_SHOWN).stream()
                .map(next -> Map.<String, Object>of("key", next.issueKey(), "url", browse + next.issueKey(),
                        "summary", next.summary()))
                .toList();
    }

    /**
     * The experiments this one pivoted from, the earliest first, as far as the user may see them: a hidden or missing one
     * ends the walk with its key only (no link, no summary).
     */
    private List<Map<String, Object>> lineage(FailureRecord record) {
        List<Map<String, Object>> chain = new ArrayList<>();
        String browse = application.getBaseUrl(UrlMode.RELATIVE) + "/browse/";
        String key = record.pivotedFrom();
        while (key != null && chain.size() < LINEAGE_DEPTH) {
            try {
                FailureRecord earlier = failureDb.details(key).record();
                chain.add(Map.of("key", key, "url", browse + key, "summary", earlier.summary(), "visible", true));
                key = earlier.pivotedFrom();
            } catch (FailureDbException.NotFound e) {
                chain.add(Map.of("key", key, "url", "", "summary", "", "visible", false));
                key = null;
            }
        }
        java.util.Collections.reverse(chain);
        return chain;
    }
}
