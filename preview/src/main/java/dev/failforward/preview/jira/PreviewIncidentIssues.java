package dev.failforward.preview.jira;

import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.incident.IncidentTransition;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.importing.ImportedIssueLookup;
import dev.failforward.jira.importing.IncidentIssues;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link IncidentIssues} in the preview: its create screen with what the first step needs, then every other field and
 * the description as Jira's issue service writes them with the screen check skipped; the workflow runs the create step
 * (validators, post-functions) and the projection writes the record, as for an issue made on the screens. Also the
 * import's {@link ImportedIssueLookup}: the issue an interrupted import created, by its marker, from the database.
 */
public final class PreviewIncidentIssues implements IncidentIssues, ImportedIssueLookup {

    private final PreviewJira jira;
    private final Set<String> projects;
    private final PreviewRemoteLinks remoteLinks;

    public PreviewIncidentIssues(PreviewJira jira, Set<String> projects, PreviewRemoteLinks remoteLinks) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.projects = Set.copyOf(projects);
        this.remoteLinks = Objects.requireNonNull(remoteLinks, "remoteLinks");
    }

    /** As Jira's remote link service: a "Wiki Page" link to the page, unless the issue links that address already. */
    @Override
    public void linkRetroPage(long issueId, String url, String title) {
        if (remoteLinks.forIssue(issueId).stream().anyMatch(l -> url.equals(l.getUrl()))) {
            return;
        }
        remoteLinks.save(issueId, "dev.failforward.import:" + url, title == null || title.isBlank() ? url : title, url,
                dev.failforward.jira.retro.RetroPageLinks.RELATIONSHIP, dev.failforward.jira.retro.RetroPageLinks.CONFLUENCE,
                "Confluence");
    }

    @Override
    public IssueRef create(String projectKey, IncidentDraft draft) {
        if (projectKey == null || !projects.contains(projectKey)) {
            throw new FailureDbException.BadField("project", "unknown", "failforward.import.error.project.unknown",
                    String.valueOf(projectKey));
        }
        Map<String, String> form = form(draft);
        Map<String, String> first = new LinkedHashMap<>();
        List<FailForwardField> createFields = jira.workflows().createFields(RecordKind.INCIDENT);
        form.forEach((key, value) -> {
            if (createFields.stream().anyMatch(f -> f.key().equals(key))) {
                first.put(key, value);
            }
        });
        PreviewWorkflows.Result created = jira.workflows().create(RecordKind.INCIDENT, projectKey, draft.summary(),
                draft.description(), first);
        if (!created.ok()) {
            throw refused(created);
        }
        PreviewWorkflows.Result filled = jira.workflows().importFields(created.issue().getKey(), draft.summary(),
                draft.description(), form);
        if (!filled.ok()) {
            delete(created.issue().getId());
            throw refused(filled);
        }
        return new IssueRef(created.issue().getId(), created.issue().getKey());
    }

    @Override
    public void update(long issueId, IncidentDraft draft) {
        String key = key(issueId).orElseThrow(() -> new IllegalStateException("no issue " + issueId));
        PreviewWorkflows.Result filled = jira.workflows().importFields(key, draft.summary(), draft.description(),
                form(draft));
        if (!filled.ok()) {
            throw refused(filled);
        }
    }

    /** As {@link dev.failforward.jira.importing.JiraIncidentIssues}: the workflow's actions with no field given. */
    @Override
    public Advance advance(long issueId, boolean resolved) {
        com.atlassian.jira.issue.MutableIssue issue = jira.issues().getIssueObject(issueId);
        if (issue == null) {
            return new Advance(null, null);
        }
        IncidentStatus status;
        try {
            status = IncidentStatus.valueOf(issue.getStatus().getId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Advance(null, null);
        }
        for (IncidentTransition step : List.of(IncidentTransition.START_ANALYSIS,
                IncidentTransition.REVIEW_LEARNINGS, IncidentTransition.CLOSE)) {
            if (status != step.from()) {
                continue;
            }
            if (step == IncidentTransition.CLOSE && !resolved) {
                break;
            }
            PreviewWorkflows.Result moved = jira.workflows().transition(issue.getKey(), ACTIONS.get(step), Map.of());
            if (!moved.ok()) {
                List<String> said = new java.util.ArrayList<>(moved.fieldErrors().values());
                said.addAll(moved.errors());
                return new Advance(status, String.join(" ", said));
            }
            status = step.to();
        }
        return new Advance(status, null);
    }

    @Override
    public void delete(long issueId) {
        jira.issues().delete(issueId);
        jira.projection().project(issueId);
    }

    @Override
    public Optional<String> key(long issueId) {
        return Optional.ofNullable(jira.issues().getIssueObject(issueId)).map(i -> i.getKey());
    }

    @Override
    public Optional<IssueRef> find(String projectKey, String marker, Instant since) {
        return jira.issues().findImported(projectKey, marker, since)
                .map(issue -> new IssueRef(issue.getId(), issue.getKey()));
    }

    /** The draft's values as the preview's forms post them (date-times as UTC local date-times). */
    private static Map<String, String> form(IncidentDraft draft) {
        Map<String, String> form = new LinkedHashMap<>();
        draft.texts().forEach((field, text) -> form.put(field.key(), text));
        draft.times().forEach((field, at) -> form.put(field.key(), utc(at)));
        draft.options().forEach((field, value) -> form.put(field.key(), value));
        return form;
    }

    private static String utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static FailureDbException refused(PreviewWorkflows.Result result) {
        if (!result.fieldErrors().isEmpty()) {
            Map.Entry<String, String> first = result.fieldErrors().entrySet().iterator().next();
            return new FailureDbException.BadField(first.getKey(), "refused", "failforward.import.error.refused",
                    first.getValue());
        }
        return new FailureDbException.BadField("project", "refused", "failforward.import.error.refused",
                String.join(" ", result.errors()));
    }
}
