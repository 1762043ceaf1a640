package dev.failforward.jira.projection;

import dev.failforward.host.settings.InMemoryPluginSettings;
import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.setup.SetupRecords;
import dev.failforward.jira.testing.FakeFieldRegistry;
import dev.failforward.jira.testing.FakeIssue;
import dev.failforward.jira.workflow.IssueSnapshots;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small Jira for the projection tests: issues by id, issue links, setup's records of our issue types and link
 * types, and the projection wired over them and an in-memory failure database.
 */
final class TestJira {

    static final String EXPERIMENT_TYPE = "10100";
    static final String INCIDENT_TYPE = "10101";
    static final String TASK_TYPE = "3";
    static final long PIVOT_LINK = 10200;
    static final long RECURRENCE_LINK = 10201;
    static final long BLOCKS_LINK = 10000;
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    final FakeFieldRegistry fields = new FakeFieldRegistry();
    final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    final Map<Long, TestIssue> issues = new ConcurrentHashMap<>();
    final List<Link> links = new CopyOnWriteArrayList<>();
    final InMemoryFailureRecords records = new InMemoryFailureRecords();
    final IssueManager issueManager = new IssueManager() {
        @Override
        public com.atlassian.jira.issue.MutableIssue getIssueObject(Long id) {
            return issues.get(id);
        }

        @Override
        public java.util.Collection<Long> getIssueIdsForProject(Long projectId) {
            throw new UnsupportedOperationException("not used by the projection");
        }
    };
    final IssueLinkManager linkManager = new IssueLinkManager() {
        @Override
        public List<IssueLink> getInwardLinks(Long id) {
            List<IssueLink> inward = new ArrayList<>();
            links.stream().filter(l -> l.getDestinationId().equals(id)).forEach(inward::add);
            return inward;
        }

        @Override
        public void createIssueLink(Long sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence,
                                    com.atlassian.jira.user.ApplicationUser remoteUser) {
            throw new UnsupportedOperationException("the projection only reads links");
        }
    };
    final ProjectionSetup setup = new ProjectionSetup(settings.factory());
    final InMemoryWhySteps whySteps = new InMemoryWhySteps();
    final JiraIssueProjection projection;
    /** The issues the projection asked Jira to reindex (their count fields changed). */
    final List<Long> reindexed = new CopyOnWriteArrayList<>();

    TestJira() {
        this(true);
    }

    TestJira(boolean setUp) {
        if (setUp) {
            settings.put(SetupRecords.NAMESPACE + "issuetype.experiment.id", EXPERIMENT_TYPE);
            settings.put(SetupRecords.NAMESPACE + "issuetype.incident.id", INCIDENT_TYPE);
            settings.put(SetupRecords.NAMESPACE + "linktype." + ProjectionSetup.PIVOT_LINK + ".id", Long.toString(PIVOT_LINK));
            settings.put(SetupRecords.NAMESPACE + "linktype." + ProjectionSetup.RECURRENCE_LINK + ".id", Long.toString(RECURRENCE_LINK));
        }
        IssueFields issueFields = new IssueFields(fields);
        projection = new JiraIssueProjection(issueManager, linkManager, setup, new IssueSnapshots(issueFields),
                issueFields, records, whySteps, dev.failforward.jira.failuredb.RecordChanges.NONE, reindexed::add);
    }

    TestIssue experiment(long id, String key) {
        return add(new TestIssue(id, key, EXPERIMENT_TYPE, "Draft"));
    }

    TestIssue incident(long id, String key) {
        return add(new TestIssue(id, key, INCIDENT_TYPE, "Reported"));
    }

    TestIssue task(long id, String key) {
        return add(new TestIssue(id, key, TASK_TYPE, "To Do"));
    }

    TestIssue add(TestIssue issue) {
        issues.put(issue.getId(), issue);
        return issue;
    }

    Link link(TestIssue source, long type, TestIssue destination) {
        Link link = new Link(source, type, destination);
        links.add(link);
        return link;
    }

    /** A link from source to destination (outward from the source). */
    record Link(TestIssue source, long type, TestIssue destination) implements IssueLink {
        @Override
        public Long getSourceId() {
            return source.getId();
        }

        @Override
        public Long getDestinationId() {
            return destination.getId();
        }

        @Override
        public Long getLinkTypeId() {
            return type;
        }

        @Override
        public TestIssue getSourceObject() {
            return source;
        }
    }

    private record Type(String getId, String getName) implements IssueType {
        @Override
        public boolean isSubTask() {
            return false;
        }
    }

    private record NamedStatus(String getId, String getName) implements Status {
    }

    private record Component(String getName) implements ProjectComponent {
    }

    /** A Jira issue with the system fields the projection reads; custom fields as Jira holds them (FakeIssue). */
    final class TestIssue implements MutableIssue {
        private final long id;
        private String key;
        private String typeId;
        private String status;
        private String summary;
        private String description;
        private final Set<String> labels = new LinkedHashSet<>();
        private final List<String> components = new ArrayList<>();
        private final FakeIssue values;
        private Instant updated = T0;

        TestIssue(long id, String key, String typeId, String status) {
            this.id = id;
            this.key = key;
            this.typeId = typeId;
            this.status = status;
            this.summary = "Summary of " + key;
            this.values = new FakeIssue(key);
        }

        TestIssue set(FailForwardField field, Object value) {
            fields.set(values, field, value);
            return this;
        }

        TestIssue status(String name) {
            status = name;
            return this;
        }

        TestIssue type(String id) {
            typeId = id;
            return this;
        }

        TestIssue key(String newKey) {
            key = newKey;
            return this;
        }

        TestIssue description(String text) {
            description = text;
            return this;
        }

        TestIssue summary(String text) {
            summary = text;
            return this;
        }

        TestIssue labels(String... names) {
            labels.addAll(List.of(names));
            return this;
        }

        TestIssue components(String... names) {
            components.addAll(List.of(names));
            return this;
        }

        TestIssue updated(Instant at) {
            updated = at;
            return this;
        }

        @Override
        public Long getId() {
            return id;
        }

        @Override
        public com.atlassian.jira.user.ApplicationUser getReporter() {
            return null;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public String getSummary() {
            return summary;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public IssueType getIssueType() {
            return new Type(typeId, "Type " + typeId);
        }

        @Override
        public Project getProjectObject() {
            return null;
        }

        @Override
        public Timestamp getCreated() {
            return Timestamp.from(T0);
        }

        @Override
        public Timestamp getUpdated() {
            return Timestamp.from(updated);
        }

        @Override
        public Status getStatus() {
            return new NamedStatus("1", status);
        }

        @Override
        public Set<Label> getLabels() {
            Set<Label> result = new LinkedHashSet<>();
            long labelId = 1;
            for (String label : labels) {
                result.add(new Label(labelId++, id, label));
            }
            return result;
        }

        @Override
        public Collection<ProjectComponent> getComponents() {
            return components.stream().<ProjectComponent>map(Component::new).toList();
        }

        private com.atlassian.jira.issue.resolution.Resolution resolution;

        /** Sets the resolution by name ({@code null}: unresolved). */
        TestIssue resolution(String name) {
            this.resolution = name == null ? null : new com.atlassian.jira.issue.resolution.Resolution() {
                @Override
                public String getId() {
                    return "1";
                }

                @Override
                public String getName() {
                    return name;
                }
            };
            return this;
        }

        @Override
        public com.atlassian.jira.issue.resolution.Resolution getResolution() {
            return resolution;
        }

        @Override
        public Object getCustomFieldValue(CustomField customField) {
            return values.getCustomFieldValue(customField);
        }

        @Override
        public void setCustomFieldValue(CustomField customField, Object value) {
            values.setCustomFieldValue(customField, value);
        }
    }
}
