package dev.failforward.jira.failuredb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's issues for follow-ups, in memory: projects that exist (and are browsable), projects the user may create
 * issues in, issues by id, hidden issues, and the links written.
 */
public final class FakeFollowUpIssues implements FollowUpIssues {

    public static final String BASE_URL = "http://jira.test";

    /** An issue of the fake host. */
    public static final class Issue {
        public final long id;
        public final String key;
        public final String projectKey;
        public final String typeId;
        public final String summary;
        public final String assigneeKey;
        public final LocalDate dueDate;
        public String status = "Open";
        public boolean resolved;

        Issue(long id, String key, String projectKey, String typeId, String summary, String assigneeKey,
              LocalDate dueDate) {
            this.id = id;
            this.key = key;
            this.projectKey = projectKey;
            this.typeId = typeId;
            this.summary = summary;
            this.assigneeKey = assigneeKey;
            this.dueDate = dueDate;
        }
    }

    public final Set<String> projects = new HashSet<>();
    public final Set<String> creatable = new HashSet<>();
    public final Set<String> hidden = new HashSet<>();
    public final Map<Long, Issue> issues = new LinkedHashMap<>();
    /** {follow-up issue id, record issue id} per link written. */
    public final List<long[]> links = new ArrayList<>();
    private long nextId = 90_000;
    private long created;

    /** An existing issue (e.g. one a user names). */
    public Issue add(String key, String summary) {
        long id = ++nextId;
        Issue issue = new Issue(id, key, key.substring(0, key.indexOf('-')), "3", summary, null, null);
        issues.put(id, issue);
        return issue;
    }

    public Optional<Issue> byKey(String key) {
        return issues.values().stream().filter(i -> i.key.equals(key)).findFirst();
    }

    @Override
    public IssueRef create(NewIssue request) {
        if (!projects.contains(request.projectKey())) {
            throw new FailureDbException.BadField("project", "unknown", "failforward.followup.error.project.unknown",
                    String.valueOf(request.projectKey()));
        }
        if (!creatable.contains(request.projectKey())) {
            throw new FailureDbException.FieldDenied("project", "failforward.followup.error.project.create",
                    request.projectKey());
        }
        if (request.issueTypeId() != null && !request.issueTypeId().equals("3")) {
            throw new FailureDbException.BadField("issueType", "unknown",
                    "failforward.followup.error.issuetype.unknown", request.issueTypeId(), request.projectKey());
        }
        long id = ++nextId;
        long number = 100 + created++;
        Issue issue = new Issue(id, request.projectKey() + "-" + number, request.projectKey(), "3", request.summary(),
                request.assigneeKey(), request.dueDate());
        issues.put(id, issue);
        return new IssueRef(id, issue.key);
    }

    @Override
    public Optional<IssueRef> find(String issueKey) {
        return byKey(issueKey).filter(i -> !hidden.contains(i.key)).map(i -> new IssueRef(i.id, i.key));
    }

    @Override
    public void link(long followUpIssueId, long recordIssueId) {
        links.add(new long[] {followUpIssueId, recordIssueId});
    }

    @Override
    public Optional<FollowUpView> view(long issueId) {
        return Optional.ofNullable(issues.get(issueId)).filter(i -> !hidden.contains(i.key))
                .map(i -> new FollowUpView(i.key, url(i.key), i.summary, i.status, i.resolved));
    }

    @Override
    public Optional<Boolean> resolved(long issueId) {
        return Optional.ofNullable(issues.get(issueId)).map(i -> i.resolved);
    }

    @Override
    public String url(String issueKey) {
        return BASE_URL + "/browse/" + issueKey;
    }
}
