package dev.failforward.jira.setup;

import com.atlassian.jira.issue.context.GlobalIssueContext;
import com.atlassian.jira.project.Project;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.setup.SetupReport.Item;
import dev.failforward.jira.setup.SetupReport.Kind;
import dev.failforward.jira.setup.SetupReport.Outcome;
import dev.failforward.jira.setup.SetupSpec.IssueTypeSpec;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.failforward.jira.setup.SetupSpec.EXPERIMENT;
import static dev.failforward.jira.setup.SetupSpec.INCIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraSetupServiceTest {

    /** The plugin's bundles, as the descriptor declares them. */
    static final BundleI18nResolver I18N = dev.failforward.jira.JiraI18n.english();

    private final FakeJira jira = new FakeJira();

    /** One Jira node: its own service and adapters over the shared (fake) Jira database and cluster lock. */
    private JiraSetupService node() {
        return node(getClass().getClassLoader(), Duration.ofSeconds(10));
    }

    private JiraSetupService node(ClassLoader resources, Duration lockWait) {
        return new JiraSetupService(jira.clusterLockService(), jira.pluginSettingsFactory(), I18N, jira.jiraIssueTypes(),
                jira.jiraFields(), jira.jiraScreens(), jira.jiraStatuses(), jira.jiraWorkflows(), jira.jiraLinkTypes(),
                resources, lockWait);
    }

    private SetupRecords records() {
        return SetupRecords.in(jira.pluginSettingsFactory());
    }

    private String recorded(String key) {
        return records().string(key).orElseThrow(() -> new AssertionError("nothing recorded under " + key));
    }

    private String typeId(IssueTypeSpec spec) {
        return recorded(SetupRecords.issueTypeKey(spec.key()));
    }

    private String fieldId(FailForwardField field) {
        return records().fieldId(field).orElseThrow();
    }

    private static int optionCount() {
        return Arrays.stream(FailForwardField.values()).mapToInt(field -> field.options().size()).sum();
    }

    /** Everything a first run creates, by kind: each exactly once. */
    private static Map<String, Integer> everythingOnce() {
        Map<String, Integer> once = new HashMap<>();
        once.put("issueType", 2);
        once.put("avatar", 2);
        once.put("field", FailForwardField.values().length);
        once.put("option", optionCount());
        once.put("screen", 7); // per type a full, a create screen; 3 transition screens
        once.put("tab", 10);
        once.put("screenScheme", 2);
        once.put("issueTypeScreenScheme", 1);
        once.put("status", 8); // 9 statuses; Jira's own "Closed" is adopted
        once.put("workflow", 2);
        once.put("linkType", 3);
        once.put("issueTypeScheme", 1);
        once.put("workflowScheme", 1);
        return once;
    }

    // ------------------------------------------------------------------------------------------------ first run

    @Test
    void aFirstRunCreatesEachThingExactlyOnce() {
        SetupReport report = node().ensureInstalled();

        assertThat(jira.creations()).isEqualTo(everythingOnce());
        assertThat(report.items()).filteredOn(item -> !item.outcome().created())
                .singleElement().isEqualTo(new Item(Kind.STATUS, "CLOSED", Outcome.ADOPTED, "6"));
        assertThat(report.created()).hasSize(everythingOnce().values().stream().mapToInt(Integer::intValue).sum()
                - 2 /* avatars are not reported */ - 10 /* tabs are part of their screen */);
        assertThat(report.warnings()).isEmpty();
        assertThat(jira.clusterLock.isLocked()).isFalse();
        assertThat(jira.lockNames).containsOnly("dev.failforward.jira.setup");
    }

    @Test
    void issueTypesGetTheirNamesDescriptionsAndIcons() throws IOException {
        node().ensureInstalled();

        for (IssueTypeSpec spec : SetupSpec.ISSUE_TYPES) {
            var type = jira.issueTypes.get(typeId(spec));
            assertThat(type.getName()).isEqualTo(spec == EXPERIMENT ? "Experiment" : "Incident");
            long avatarId = Long.parseLong(recorded(SetupRecords.iconKey(spec.key())));
            BufferedImage icon = ImageIO.read(new ByteArrayInputStream(jira.avatarImages.get(avatarId)));
            assertThat(icon.getWidth()).isEqualTo(48);
            assertThat(icon.getHeight()).isEqualTo(48);
            assertThat(jira.issueTypeSchemes.get(FakeJira.DEFAULT_ISSUE_TYPE_SCHEME).typeIds).contains(type.getId());
        }
    }

    @Test
    void everyFieldHasItsTypeSearcherContextAndOptions() {
        node().ensureInstalled();

        for (FailForwardField field : FailForwardField.values()) {
            FakeJira.FieldState state = jira.fields.get(fieldId(field));
            String prefix = "com.atlassian.jira.plugin.system.customfieldtypes:";
            String expectedType = switch (field.kind()) {
                case TEXT_AREA -> prefix + "textarea";
                case SELECT -> prefix + "select";
                case DATE_TIME -> prefix + "datetime";
                case NUMBER -> prefix + "float";
                case COUNT -> "dev.failforward.jira:" + (field == FailForwardField.LEARNING_COUNT ? "learning-count" : "next-step-count");
            };
            String expectedSearcher = switch (field.kind()) {
                case TEXT_AREA -> prefix + "textsearcher";
                case SELECT -> prefix + "multiselectsearcher";
                case DATE_TIME -> prefix + "datetimerange";
                case NUMBER -> prefix + "exactnumber";
                case COUNT -> "dev.failforward.jira:count-searcher";
            };
            assertThat(state.typeKey()).as(field + " type").isEqualTo(expectedType);
            assertThat(state.searcherKey()).as(field + " searcher").isEqualTo(expectedSearcher);
            assertThat(state.name()).isEqualTo(I18N.getText(field.nameI18nKey()));
            assertThat(state.description()).isEqualTo(I18N.getText(field.descriptionI18nKey()));
            assertThat(state.contexts()).as(field + " context: all projects").containsExactly(GlobalIssueContext.getInstance());
            assertThat(state.issueTypeIds()).as(field + " context: only its issue types")
                    .containsExactlyElementsOf(SetupSpec.issueTypes(field.scope()).stream().map(this::typeId).toList());
            assertThat(jira.optionValues(state.id())).as(field + " options")
                    .isEqualTo(field.options().stream().map(value -> I18N.getText(field.optionI18nKey(value))).toList());
            assertThat(records().optionIds(field).keySet()).containsExactlyElementsOf(field.options());
        }
    }

    @Test
    void theCountFieldsAreOnExperimentsAndIncidentsAndOnNoScreen() {
        node().ensureInstalled();

        for (FailForwardField count : List.of(FailForwardField.LEARNING_COUNT, FailForwardField.NEXT_STEP_COUNT)) {
            FakeJira.FieldState state = jira.fields.get(fieldId(count));
            assertThat(state.issueTypeIds()).containsExactly(typeId(SetupSpec.EXPERIMENT), typeId(SetupSpec.INCIDENT));
            for (IssueTypeSpec spec : SetupSpec.ISSUE_TYPES) {
                FakeJira.ScreenState screen = jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey(spec.key()))));
                assertThat(screen.allFields()).as("calculated: never edited").doesNotContain(fieldId(count));
            }
        }
        assertThat(jira.fields.get(fieldId(FailForwardField.LEARNING_COUNT)).name()).isEqualTo("Failure learnings");
        assertThat(jira.fields.get(fieldId(FailForwardField.NEXT_STEP_COUNT)).name()).isEqualTo("Failure next steps");
    }

    @Test
    void eachIssueTypeHasAScreenWithItsTabsAndFields() {
        node().ensureInstalled();

        FakeJira.ScreenState experiment = jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey("experiment"))));
        assertThat(experiment.name).isEqualTo("Fail Forward: Experiment");
        assertThat(experiment.tabs).extracting(tab -> tab.name).containsExactly("Plan", "Run", "Decision");
        assertThat(experiment.tabs.get(0).fields).startsWith("summary", "issuetype", "description")
                .contains(fieldId(FailForwardField.HYPOTHESIS), fieldId(FailForwardField.PHASE));
        assertThat(experiment.tabs.get(2).fields).containsExactly(fieldId(FailForwardField.OUTCOME),
                fieldId(FailForwardField.DECISION), fieldId(FailForwardField.DECISION_RATIONALE),
                fieldId(FailForwardField.OBSERVED_RESULTS), fieldId(FailForwardField.DECIDED_AT));

        FakeJira.ScreenState incident = jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey("incident"))));
        assertThat(incident.tabs).extracting(tab -> tab.name).containsExactly("Report", "Analysis");
        assertThat(incident.allFields()).doesNotContain(fieldId(FailForwardField.LEARNINGS), fieldId(FailForwardField.NEXT_STEPS));

        for (IssueTypeSpec spec : SetupSpec.ISSUE_TYPES) {
            FakeJira.ScreenState screen = jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey(spec.key()))));
            List<String> expected = FailForwardField.of(spec.scope()).stream()
                    .filter(field -> !SetupSpec.RETIRED_FROM_SCREENS.contains(field)).map(this::fieldId).toList();
            assertThat(screen.allFields()).as("every field of its scope, once").containsAll(expected).doesNotHaveDuplicates();
            FakeJira.ScreenState create = jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey(spec.key() + "_create"))));
            FakeJira.ScreenSchemeState scheme = jira.screenSchemes.get(Long.parseLong(recorded(SetupRecords.screenSchemeKey(spec.key()))));
            assertThat(scheme.defaultScreenId).as("edit and view").isEqualTo(screen.id);
            assertThat(scheme.createScreenId).as("create").isEqualTo(create.id);
        }
    }

    @Test
    void createAndTransitionScreensAskOnlyForTheirStep() {
        node().ensureInstalled();

        FakeJira.ScreenState createExperiment = screen("experiment_create");
        assertThat(createExperiment.name).isEqualTo("Fail Forward: Create experiment");
        assertThat(createExperiment.tabs).extracting(tab -> tab.name).containsExactly("Plan");
        assertThat(createExperiment.allFields()).containsExactly("summary", "issuetype", "description",
                fieldId(FailForwardField.HYPOTHESIS), fieldId(FailForwardField.SUCCESS_CRITERIA),
                fieldId(FailForwardField.STOP_CRITERIA), fieldId(FailForwardField.LEARNING_GOALS),
                fieldId(FailForwardField.PHASE), fieldId(FailForwardField.BUDGET), fieldId(FailForwardField.TIME_BOX_DAYS));
        assertThat(screen("incident_create").allFields()).containsExactly("summary", "issuetype", "description",
                fieldId(FailForwardField.DISCOVERED_AT), fieldId(FailForwardField.IMPACT));
        assertThat(screen("experiment_decide").allFields()).containsExactly(fieldId(FailForwardField.OUTCOME),
                fieldId(FailForwardField.DECISION), fieldId(FailForwardField.DECISION_RATIONALE),
                fieldId(FailForwardField.OBSERVED_RESULTS));
        assertThat(screen("incident_analysis").allFields()).containsExactly(fieldId(FailForwardField.FAILURE_TYPE),
                fieldId(FailForwardField.FAILURE_CATEGORY), fieldId(FailForwardField.FAILURE_MODE),
                fieldId(FailForwardField.FIVE_WHYS), fieldId(FailForwardField.CONTRIBUTING_FACTORS));
    }

    private FakeJira.ScreenState screen(String key) {
        return jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey(key))));
    }

    @Test
    void theIssueTypeScreenSchemeMapsOurTypesToOurScreensAndTheRestToJirasDefault() {
        node().ensureInstalled();

        FakeJira.IssueTypeScreenSchemeState scheme = jira.issueTypeScreenSchemes.get(
                Long.parseLong(recorded(SetupRecords.ISSUE_TYPE_SCREEN_SCHEME)));
        assertThat(scheme.name).isEqualTo("Fail Forward issue type screen scheme");
        assertThat(scheme.entries).containsOnly(
                Map.entry(typeId(EXPERIMENT), Long.parseLong(recorded(SetupRecords.screenSchemeKey("experiment")))),
                Map.entry(typeId(INCIDENT), Long.parseLong(recorded(SetupRecords.screenSchemeKey("incident")))),
                entry(null, FakeJira.DEFAULT_SCREEN_SCHEME));
    }

    private static Map.Entry<String, Long> entry(String key, Long value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    @Test
    void linkTypesHaveTheirNamesAndDescriptionsAndAreRecordedByStableKey() {
        node().ensureInstalled();

        FakeJira.LinkTypeState pivot = jira.linkTypes.get(Long.parseLong(recorded(SetupRecords.linkTypeKey("failforward-pivot"))));
        assertThat(pivot).isEqualTo(new FakeJira.LinkTypeState(pivot.id(), "Pivots", "pivoted into", "pivoted from", null));
        FakeJira.LinkTypeState recurrence = jira.linkTypes.get(Long.parseLong(recorded(SetupRecords.linkTypeKey("failforward-recurrence"))));
        assertThat(recurrence).isEqualTo(new FakeJira.LinkTypeState(recurrence.id(), "Recurrence", "recurs as", "recurrence of", null));
        FakeJira.LinkTypeState followUp = jira.linkTypes.get(Long.parseLong(recorded(SetupRecords.linkTypeKey("failforward-followup"))));
        assertThat(followUp).isEqualTo(new FakeJira.LinkTypeState(followUp.id(), "Follow-up", "is a follow-up of", "has follow-up", null));
    }

    @Test
    void workflowsAreLoadedFromTheirXmlWithThisInstancesStatusAndScreenIds() {
        node().ensureInstalled();

        FakeJira.WorkflowState experiment = jira.workflows.get(recorded(SetupRecords.workflowKey("experiment")));
        assertThat(experiment.name()).isEqualTo("Fail Forward Experiment workflow");
        assertThat(experiment.xml()).doesNotContainPattern("\\$\\{(status|screen)\\.[A-Za-z_]+}");
        assertThat(experiment.stepStatusIds()).containsExactly(
                recorded(SetupRecords.statusKey("DRAFT")), recorded(SetupRecords.statusKey("READY")),
                recorded(SetupRecords.statusKey("RUNNING")), recorded(SetupRecords.statusKey("EVALUATING")),
                recorded(SetupRecords.statusKey("DECIDED")));
        assertThat(experiment.transitionScreenIds()).containsExactly(
                recorded(SetupRecords.screenKey("experiment_plan")), recorded(SetupRecords.screenKey("experiment_decide")));
        Map<Integer, String> experimentScreens = new LinkedHashMap<>();
        experimentScreens.put(11, recorded(SetupRecords.screenKey("experiment_plan")));
        experimentScreens.put(12, null);
        experimentScreens.put(21, null);
        experimentScreens.put(31, null);
        experimentScreens.put(32, null);
        experimentScreens.put(41, recorded(SetupRecords.screenKey("experiment_decide")));
        assertThat(jira.transitionScreens(experiment.name())).isEqualTo(experimentScreens);

        FakeJira.WorkflowState incident = jira.workflows.get(recorded(SetupRecords.workflowKey("incident")));
        assertThat(incident.stepStatusIds()).containsExactly(
                recorded(SetupRecords.statusKey("REPORTED")), recorded(SetupRecords.statusKey("ANALYSING")),
                recorded(SetupRecords.statusKey("LEARNING_REVIEW")), "6" /* Jira's Closed */);
        assertThat(incident.transitionScreenIds()).containsExactly(recorded(SetupRecords.screenKey("incident_analysis")));

        assertThat(jira.statuses.get(recorded(SetupRecords.statusKey("LEARNING_REVIEW"))).getName()).isEqualTo("Learning review");
    }

    @Test
    void theSchemesHoldOurTypesAndMapEachToItsWorkflow() {
        node().ensureInstalled();

        FakeJira.IssueTypeSchemeState issueTypeScheme = jira.issueTypeSchemes.get(Long.parseLong(recorded(SetupRecords.ISSUE_TYPE_SCHEME)));
        assertThat(issueTypeScheme.name).isEqualTo("Fail Forward issue type scheme");
        assertThat(issueTypeScheme.typeIds).containsExactly(typeId(EXPERIMENT), typeId(INCIDENT));

        FakeJira.WorkflowSchemeState workflowScheme = jira.workflowSchemes.get(Long.parseLong(recorded(SetupRecords.WORKFLOW_SCHEME)));
        assertThat(workflowScheme.name).isEqualTo("Fail Forward workflow scheme");
        assertThat(workflowScheme.mappings).containsOnly(
                Map.entry(typeId(EXPERIMENT), "Fail Forward Experiment workflow"),
                Map.entry(typeId(INCIDENT), "Fail Forward Incident workflow"));
    }

    // ------------------------------------------------------------------------------------------------ idempotence

    @Test
    void aSecondRunCreatesNothingAndReportsEverythingAsFound() {
        SetupReport first = node().ensureInstalled();
        Map<String, Object> settingsAfterFirst = Map.copyOf(jira.settings);

        SetupReport second = node().ensureInstalled();

        assertThat(jira.creations()).isEqualTo(everythingOnce());
        assertThat(second.items()).hasSameSizeAs(first.items())
                .allSatisfy(item -> assertThat(item.outcome()).as(item.kind() + " " + item.key()).isEqualTo(Outcome.FOUND));
        assertThat(second.items()).extracting(Item::jiraId).containsExactlyElementsOf(first.items().stream().map(Item::jiraId).toList());
        assertThat(second.changedAnything()).isFalse();
        assertThat(jira.settings).isEqualTo(settingsAfterFirst);
    }

    @Test
    void twoNodesStartingAtOnceCreateEachThingExactlyOnce() throws Exception {
        JiraSetupService nodeA = node();
        JiraSetupService nodeB = node();
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<SetupReport>> reports = new ArrayList<>();
            for (JiraSetupService node : List.of(nodeA, nodeB)) {
                reports.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return node.ensureInstalled();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            SetupReport a = reports.get(0).get(30, TimeUnit.SECONDS);
            SetupReport b = reports.get(1).get(30, TimeUnit.SECONDS);

            assertThat(jira.creations()).isEqualTo(everythingOnce());
            SetupReport creator = a.created().isEmpty() ? b : a;
            SetupReport finder = creator == a ? b : a;
            assertThat(creator.created()).isNotEmpty();
            assertThat(finder.items()).allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.FOUND));
            assertThat(jira.lockNames).hasSize(2).containsOnly(JiraSetupService.LOCK_NAME);
            assertThat(jira.clusterLock.isLocked()).isFalse();
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The same with the cluster lock a Data Center cluster has: each node its own lock service, the lock held in the
     * shared database ({@link dev.failforward.host.cluster.DatabaseClusterLockService}), as two preview nodes run it.
     */
    @Test
    void twoNodesWithTheLockInTheDatabaseCreateEachThingExactlyOnce() throws Exception {
        List<dev.failforward.host.ao.AoDatabase> database = dev.failforward.host.db.TestDatabases
                .openAoForNodes("dev.failforward.jira", 2);
        List<dev.failforward.host.cluster.DatabaseClusterLockService> locks = List.of(
                new dev.failforward.host.cluster.DatabaseClusterLockService(database.get(0).dataSource(), "node-a",
                        Duration.ofSeconds(30)),
                new dev.failforward.host.cluster.DatabaseClusterLockService(database.get(1).dataSource(), "node-b",
                        Duration.ofSeconds(30)));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SetupReport>> reports = new ArrayList<>();
            for (dev.failforward.host.cluster.DatabaseClusterLockService nodeLocks : locks) {
                JiraSetupService node = new JiraSetupService(nodeLocks, jira.pluginSettingsFactory(), I18N,
                        jira.jiraIssueTypes(), jira.jiraFields(), jira.jiraScreens(), jira.jiraStatuses(),
                        jira.jiraWorkflows(), jira.jiraLinkTypes(), getClass().getClassLoader(), Duration.ofSeconds(60));
                reports.add(threads.submit(() -> {
                    go.await();
                    return node.ensureInstalled();
                }));
            }
            go.countDown();
            SetupReport a = reports.get(0).get(90, TimeUnit.SECONDS);
            SetupReport b = reports.get(1).get(90, TimeUnit.SECONDS);

            assertThat(jira.creations()).isEqualTo(everythingOnce());
            assertThat(List.of(a, b)).filteredOn(report -> !report.created().isEmpty()).hasSize(1);
            assertThat(List.of(a, b)).filteredOn(report -> report.created().isEmpty()).singleElement()
                    .satisfies(finder -> assertThat(finder.items())
                            .allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.FOUND)));
        } finally {
            threads.shutdownNow();
            locks.forEach(dev.failforward.host.cluster.DatabaseClusterLockService::close);
            database.get(1).close();
            database.get(0).close();
        }
    }

    @Test
    void aNodeWaitsNoLongerThanItsLimitForAnotherNodesSetup() throws Exception {
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            otherNode.submit(() -> {
                jira.clusterLock.lock();
                try {
                    holding.countDown();
                    release.await();
                } finally {
                    jira.clusterLock.unlock();
                }
                return null;
            });
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> node(getClass().getClassLoader(), Duration.ofMillis(50)).ensureInstalled())
                    .isInstanceOfSatisfying(SetupException.class,
                            e -> assertThat(e.i18nKey()).isEqualTo("failforward.setup.error.busy"));
            assertThat(jira.creations()).isEmpty();
        } finally {
            release.countDown();
            otherNode.shutdown();
        }
    }

    @Test
    void whenJiraFailsTheErrorSaysSoTheLockIsReleasedAndTheNextRunContinues() {
        jira.failing = "createStatus";

        assertThatThrownBy(() -> node().ensureInstalled()).isInstanceOfSatisfying(SetupException.class, e -> {
            assertThat(e.i18nKey()).isEqualTo("failforward.setup.error.unexpected");
            assertThat(e.arguments()).containsExactly("the database is down");
        });
        assertThat(jira.clusterLock.isLocked()).isFalse();
        assertThat(jira.created("field")).isEqualTo(FailForwardField.values().length);

        jira.failing = null;
        SetupReport report = node().ensureInstalled();

        assertThat(jira.creations()).isEqualTo(everythingOnce());
        assertThat(report.items(Kind.FIELD)).allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.FOUND));
    }

    // ------------------------------------------------------------------------------------------------ repairs

    // ------------------------------------------------------------------------------------------------ upgrade

    /** What a version with one screen per issue type left: that screen on every transition, learnings on it, no create screen. */
    private void makeItAnOlderInstallation() {
        String experimentScreen = recorded(SetupRecords.screenKey("experiment"));
        String incidentScreen = recorded(SetupRecords.screenKey("incident"));
        String experiment = recorded(SetupRecords.workflowKey("experiment"));
        String incident = recorded(SetupRecords.workflowKey("incident"));
        for (int action : new int[] {11, 12, 41}) {
            jira.setTransitionScreen(experiment, action, experimentScreen);
        }
        for (int action : new int[] {21, 31}) {
            jira.setTransitionScreen(incident, action, incidentScreen);
        }
        FakeJira.ScreenState screen = jira.screens.get(Long.parseLong(incidentScreen));
        screen.tabs.add(new FakeJira.TabState("Learnings"));
        screen.tabs.get(2).fields.addAll(List.of(fieldId(FailForwardField.LEARNINGS), fieldId(FailForwardField.NEXT_STEPS)));
        jira.screenSchemes.values().forEach(scheme -> scheme.createScreenId = null);
    }

    private Map<Integer, String> installedScreens(String type) {
        return jira.transitionScreens(recorded(SetupRecords.workflowKey(type)));
    }

    private Map<Integer, String> expectedScreens(IssueTypeSpec type) {
        Map<Integer, String> expected = new LinkedHashMap<>();
        type.workflow().xml().transitionScreens().forEach((action, screen) -> {
            if (action != 1) {
                expected.put(action, screen == null ? null : recorded(SetupRecords.screenKey(screen)));
            }
        });
        return expected;
    }

    @Test
    void reRunningSetupUpgradesAnOlderInstallationsScreensAndInactiveWorkflows() {
        node().ensureInstalled();
        makeItAnOlderInstallation();
        assertThat(installedScreens("experiment").get(41)).isEqualTo(recorded(SetupRecords.screenKey("experiment")));

        SetupReport report = node().ensureInstalled();

        assertThat(installedScreens("experiment")).isEqualTo(expectedScreens(EXPERIMENT));
        assertThat(installedScreens("incident")).isEqualTo(expectedScreens(INCIDENT));
        assertThat(installedScreens("incident").get(31)).as("Close asks for nothing now").isNull();
        assertThat(report.item(Kind.WORKFLOW, "experiment").orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(report.item(Kind.WORKFLOW, "incident").orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(screen("incident").allFields()).doesNotContain(fieldId(FailForwardField.LEARNINGS), fieldId(FailForwardField.NEXT_STEPS));
        assertThat(report.item(Kind.SCREEN, "incident").orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        for (IssueTypeSpec spec : SetupSpec.ISSUE_TYPES) {
            FakeJira.ScreenSchemeState scheme = jira.screenSchemes.get(Long.parseLong(recorded(SetupRecords.screenSchemeKey(spec.key()))));
            assertThat(scheme.createScreenId).isEqualTo(screen(spec.key() + "_create").id);
            assertThat(report.item(Kind.SCREEN_SCHEME, spec.key()).orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        }
        assertThat(report.warnings()).isEmpty();
        assertThat(jira.created("workflow")).as("changed in place, not created again").isEqualTo(2);

        SetupReport again = node().ensureInstalled();
        assertThat(again.items()).filteredOn(item -> item.outcome() != Outcome.FOUND && item.outcome() != Outcome.ADOPTED)
                .as("the upgrade happens once").isEmpty();
    }

    @Test
    void anActiveWorkflowIsUpgradedThroughADraftThatIsPublished() {
        node().ensureInstalled();
        makeItAnOlderInstallation();
        jira.activeWorkflows.addAll(jira.workflows.keySet());
        jira.loggedInUser = org.mockito.Mockito.mock(com.atlassian.jira.user.ApplicationUser.class);

        SetupReport report = node().ensureInstalled();

        assertThat(installedScreens("experiment")).isEqualTo(expectedScreens(EXPERIMENT));
        assertThat(installedScreens("incident")).isEqualTo(expectedScreens(INCIDENT));
        assertThat(jira.created("workflowPublished")).isEqualTo(2);
        assertThat(jira.drafts).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void anActiveWorkflowThatCannotBeDraftedNowIsLeftWithAWarningAndUpgradedByALaterRun() {
        node().ensureInstalled();
        makeItAnOlderInstallation();
        jira.activeWorkflows.addAll(jira.workflows.keySet());
        Map<Integer, String> before = installedScreens("experiment");

        SetupReport atStartUp = node().ensureInstalled(); // no user while the plugin starts: Jira will not author a draft

        assertThat(installedScreens("experiment")).isEqualTo(before);
        assertThat(atStartUp.warnings()).hasSize(2).allSatisfy(warning ->
                assertThat(warning.i18nKey()).isEqualTo("failforward.setup.warning.transitionscreens"));
        assertThat(atStartUp.item(Kind.WORKFLOW, "experiment").orElseThrow().outcome()).isEqualTo(Outcome.FOUND);

        jira.loggedInUser = org.mockito.Mockito.mock(com.atlassian.jira.user.ApplicationUser.class); // an admin runs the setup
        SetupReport byAdmin = node().ensureInstalled();

        assertThat(installedScreens("experiment")).isEqualTo(expectedScreens(EXPERIMENT));
        assertThat(byAdmin.warnings()).isEmpty();
    }

    @Test
    void anAdminsDraftAndAnAdminsOwnScreensAreLeftAlone() {
        node().ensureInstalled();
        makeItAnOlderInstallation();
        String experiment = recorded(SetupRecords.workflowKey("experiment"));
        String incident = recorded(SetupRecords.workflowKey("incident"));
        jira.setTransitionScreen(experiment, 41, Long.toString(FakeJira.DEFAULT_SCREEN)); // the admin's choice
        jira.activeWorkflows.add(incident);
        jira.drafts.put(incident, jira.workflows.get(incident)); // an admin is editing it
        Map<Integer, String> incidentBefore = installedScreens("incident");

        SetupReport report = node().ensureInstalled();

        Map<Integer, String> expected = expectedScreens(EXPERIMENT);
        expected.put(41, Long.toString(FakeJira.DEFAULT_SCREEN));
        assertThat(installedScreens("experiment")).isEqualTo(expected);
        assertThat(installedScreens("incident")).isEqualTo(incidentBefore);
        assertThat(report.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.i18nKey()).isEqualTo("failforward.setup.warning.transitionscreens");
            assertThat(warning.arguments()).hasSize(2);
            assertThat(warning.arguments().get(1).toString()).contains("has a draft");
        });
    }

    @Test
    void aRecordedIdThatJiraNoLongerKnowsIsCreatedAgainAndRecorded() {
        node().ensureInstalled();
        String oldHypothesis = fieldId(FailForwardField.HYPOTHESIS);
        long oldPivot = Long.parseLong(recorded(SetupRecords.linkTypeKey("failforward-pivot")));
        long oldExplore = Long.parseLong(records().optionIds(FailForwardField.PHASE).get("EXPLORE"));
        jira.deleteField(oldHypothesis);
        jira.deleteLinkType(oldPivot);
        jira.deleteOption(oldExplore);

        SetupReport report = node().ensureInstalled();

        String newHypothesis = fieldId(FailForwardField.HYPOTHESIS);
        assertThat(newHypothesis).isNotEqualTo(oldHypothesis);
        assertThat(report.item(Kind.FIELD, "hypothesis")).contains(new Item(Kind.FIELD, "hypothesis", Outcome.RECREATED, newHypothesis));
        assertThat(report.item(Kind.SCREEN, "experiment").orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        FakeJira.ScreenState screen = jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey("experiment"))));
        assertThat(screen.tabs.get(0).fields).contains(newHypothesis).doesNotContain(oldHypothesis);
        assertThat(report.item(Kind.LINK_TYPE, "failforward-pivot").orElseThrow().outcome()).isEqualTo(Outcome.RECREATED);
        assertThat(Long.parseLong(recorded(SetupRecords.linkTypeKey("failforward-pivot")))).isNotEqualTo(oldPivot);
        assertThat(report.item(Kind.FIELD_OPTION, "phase.EXPLORE").orElseThrow().outcome()).isEqualTo(Outcome.RECREATED);
        assertThat(records().optionIds(FailForwardField.PHASE).get("EXPLORE")).isNotEqualTo(Long.toString(oldExplore));
        assertThat(jira.created("field")).isEqualTo(FailForwardField.values().length + 1);
        assertThat(jira.created("linkType")).isEqualTo(4);
        assertThat(jira.created("option")).isEqualTo(optionCount() + 1);
        assertThat(jira.created("screen")).isEqualTo(7);
        for (String stepScreen : List.of("experiment_create", "experiment_plan")) {
            assertThat(jira.screens.get(Long.parseLong(recorded(SetupRecords.screenKey(stepScreen)))).allFields())
                    .as(stepScreen).contains(newHypothesis).doesNotContain(oldHypothesis);
        }
        assertThat(report.items()).filteredOn(item -> item.outcome() != Outcome.FOUND).extracting(Item::key)
                .containsExactlyInAnyOrder("hypothesis", "phase.EXPLORE", "experiment", "experiment_create",
                        "experiment_plan", "failforward-pivot");
    }

    @Test
    void aDeletedIssueTypeIsCreatedAgainAndEverySchemeFollowsItsNewId() {
        node().ensureInstalled();
        String oldId = typeId(INCIDENT);
        jira.deleteIssueType(oldId);

        SetupReport report = node().ensureInstalled();

        String newId = typeId(INCIDENT);
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(report.item(Kind.ISSUE_TYPE, "incident").orElseThrow().outcome()).isEqualTo(Outcome.RECREATED);
        assertThat(jira.created("avatar")).as("the icon is reused").isEqualTo(2);
        assertThat(jira.issueTypeScreenSchemes.get(Long.parseLong(recorded(SetupRecords.ISSUE_TYPE_SCREEN_SCHEME))).entries)
                .containsKey(newId);
        assertThat(jira.issueTypeSchemes.get(Long.parseLong(recorded(SetupRecords.ISSUE_TYPE_SCHEME))).typeIds)
                .containsExactly(typeId(EXPERIMENT), newId);
        assertThat(jira.workflowSchemes.get(Long.parseLong(recorded(SetupRecords.WORKFLOW_SCHEME))).mappings)
                .containsEntry(newId, "Fail Forward Incident workflow");
        for (Kind kind : List.of(Kind.ISSUE_TYPE_SCREEN_SCHEME, Kind.ISSUE_TYPE_SCHEME, Kind.WORKFLOW_SCHEME)) {
            assertThat(report.item(kind, JiraSetupService.ONE).orElseThrow().outcome()).as(kind.name()).isEqualTo(Outcome.UPDATED);
        }
    }

    @Test
    void issueTypesStatusesLinkTypesAndWorkflowsThatJiraAlreadyHasByNameAreAdoptedNotDuplicated() {
        SetupReport first = node().ensureInstalled();
        jira.settings.clear(); // the records are lost (e.g. the plugin's settings were wiped), Jira's data is not

        SetupReport second = node().ensureInstalled();

        assertThat(jira.created("issueType")).isEqualTo(2);
        assertThat(jira.created("status")).isEqualTo(8);
        assertThat(jira.created("linkType")).isEqualTo(3);
        assertThat(jira.created("workflow")).isEqualTo(2);
        for (Kind kind : List.of(Kind.ISSUE_TYPE, Kind.STATUS, Kind.LINK_TYPE, Kind.WORKFLOW)) {
            assertThat(second.items(kind)).allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.ADOPTED));
            assertThat(second.items(kind)).extracting(Item::jiraId)
                    .containsExactlyElementsOf(first.items(kind).stream().map(Item::jiraId).toList());
        }
    }

    @Test
    void jiraServiceManagementsIncidentTypeIsAdopted() {
        JiraSetupService node = node();
        var existing = jira.jiraIssueTypes().create("Incident", "JSM incident", FakeJira.DEFAULT_AVATAR);

        SetupReport report = node.ensureInstalled();

        assertThat(report.item(Kind.ISSUE_TYPE, "incident")).contains(new Item(Kind.ISSUE_TYPE, "incident", Outcome.ADOPTED, existing.getId()));
        assertThat(jira.fields.get(fieldId(FailForwardField.IMPACT)).issueTypeIds()).containsExactly(existing.getId());
    }

    // ------------------------------------------------------------------------------------------------ resources

    @Test
    void aMissingWorkflowResourceFailsWithAClearErrorAndARunWithItFinishesTheJob() {
        ClassLoader withoutWorkflows = hiding(name -> name.startsWith("workflows/"));

        assertThatThrownBy(() -> node(withoutWorkflows, Duration.ofSeconds(1)).ensureInstalled())
                .isInstanceOfSatisfying(SetupException.class, e -> {
                    assertThat(e.i18nKey()).isEqualTo("failforward.setup.error.workflow.missing");
                    assertThat(e.arguments()).containsExactly("workflows/failforward-experiment.xml");
                    assertThat(e.getMessage()).isEqualTo("The workflow resource workflows/failforward-experiment.xml is missing from the plugin");
                });
        assertThat(jira.clusterLock.isLocked()).as("the lock is released on failure").isFalse();
        assertThat(jira.created("workflow")).isZero();

        node().ensureInstalled();
        assertThat(jira.creations()).isEqualTo(everythingOnce());
    }

    @Test
    void anIconThatCannotBeUploadedLeavesJirasDefaultIconAndAWarning() {
        SetupReport report = node(hiding(name -> name.startsWith("images/")), Duration.ofSeconds(1)).ensureInstalled();

        assertThat(jira.created("avatar")).isZero();
        assertThat(jira.created("issueType")).isEqualTo(2);
        assertThat(report.warnings()).extracting(SetupReport.Warning::i18nKey)
                .containsExactly("failforward.setup.warning.icon", "failforward.setup.warning.icon");
        assertThat(report.warnings().get(0).arguments()).first().isEqualTo("Experiment");
    }

    @Test
    void aFieldWhoseContextJiraDroppedGetsNoOptionsButAWarning() {
        node().ensureInstalled();
        jira.dropContext(fieldId(FailForwardField.PHASE));
        jira.deleteOption(Long.parseLong(records().optionIds(FailForwardField.PHASE).get("EXPLORE")));

        SetupReport report = node().ensureInstalled();

        assertThat(jira.created("option")).isEqualTo(optionCount());
        assertThat(report.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.i18nKey()).isEqualTo("failforward.setup.warning.nocontext");
            assertThat(warning.arguments()).containsExactly(I18N.getText(FailForwardField.PHASE.nameI18nKey()), fieldId(FailForwardField.PHASE));
        });
    }

    /** The test class path, minus the resources the predicate names. */
    private ClassLoader hiding(Predicate<String> hidden) {
        ClassLoader real = getClass().getClassLoader();
        return new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                return hidden.test(name) ? null : real.getResource(name);
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                return hidden.test(name) ? null : real.getResourceAsStream(name);
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ projects

    @Test
    void aProjectOnJirasDefaultSchemesIsSwitchedToOursOnceAndKeepsItsIssueTypes() {
        Project project = FakeJira.project("OPS");

        SetupReport first = node().addToProject(project);
        SetupReport second = node().addToProject(project);

        long ourScreens = Long.parseLong(recorded(SetupRecords.ISSUE_TYPE_SCREEN_SCHEME));
        long ourWorkflows = Long.parseLong(recorded(SetupRecords.WORKFLOW_SCHEME));
        assertThat(jira.projectIssueTypeScreenSchemes).containsExactly(Map.entry("OPS", ourScreens));
        assertThat(jira.projectWorkflowSchemes).containsExactly(Map.entry("OPS", ourWorkflows));
        assertThat(jira.projectIssueTypeSchemes).isEmpty();
        assertThat(jira.issueTypeSchemes.get(FakeJira.DEFAULT_ISSUE_TYPE_SCHEME).typeIds)
                .containsExactly("1", "3", typeId(EXPERIMENT), typeId(INCIDENT));
        assertThat(first.item(Kind.PROJECT_ISSUE_TYPES, "OPS").orElseThrow().outcome()).isEqualTo(Outcome.FOUND);
        assertThat(first.item(Kind.PROJECT_SCREENS, "OPS").orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(first.item(Kind.PROJECT_WORKFLOWS, "OPS").orElseThrow().outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(second.items()).allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.FOUND));
        assertThat(jira.creations()).isEqualTo(everythingOnce());
    }

    @Test
    void aProjectWithItsOwnSchemesGetsOurEntriesAddedOnceAndKeepsItsOwn() {
        Project project = FakeJira.project("DEV");
        jira.giveOwnSchemes(project, "1");

        node().addToProject(project);
        SetupReport second = node().addToProject(project);

        long issueTypeScheme = jira.projectIssueTypeSchemes.get("DEV");
        assertThat(jira.issueTypeSchemes.get(issueTypeScheme).typeIds).containsExactly("1", typeId(EXPERIMENT), typeId(INCIDENT));
        FakeJira.IssueTypeScreenSchemeState screens = jira.issueTypeScreenSchemes.get(jira.projectIssueTypeScreenSchemes.get("DEV"));
        assertThat(screens.entries).containsOnly(
                entry(null, FakeJira.DEFAULT_SCREEN_SCHEME),
                entry(typeId(EXPERIMENT), Long.parseLong(recorded(SetupRecords.screenSchemeKey("experiment")))),
                entry(typeId(INCIDENT), Long.parseLong(recorded(SetupRecords.screenSchemeKey("incident")))));
        FakeJira.WorkflowSchemeState workflows = jira.workflowSchemes.get(jira.projectWorkflowSchemes.get("DEV"));
        assertThat(workflows.mappings).containsOnly(
                Map.entry("1", "jira"),
                Map.entry(typeId(EXPERIMENT), "Fail Forward Experiment workflow"),
                Map.entry(typeId(INCIDENT), "Fail Forward Incident workflow"));
        assertThat(second.items()).allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.FOUND));
        assertThat(jira.projectWorkflowSchemes).hasSize(1);
        assertThat(jira.projectIssueTypeScreenSchemes).hasSize(1);
    }

    @Test
    void anIssueTypeAProjectAlreadyMapsToAnotherWorkflowIsLeftAloneWithAWarning() {
        Project project = FakeJira.project("SUP");
        jira.giveOwnSchemes(project, "1");
        node().ensureInstalled();
        jira.workflowSchemes.get(jira.projectWorkflowSchemes.get("SUP")).mappings.put(typeId(INCIDENT), "jira");

        SetupReport report = node().addToProject(project);

        assertThat(jira.workflowSchemes.get(jira.projectWorkflowSchemes.get("SUP")).mappings)
                .containsEntry(typeId(INCIDENT), "jira")
                .containsEntry(typeId(EXPERIMENT), "Fail Forward Experiment workflow");
        assertThat(report.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.i18nKey()).isEqualTo("failforward.setup.warning.workflowmapped");
            assertThat(warning.arguments()).containsExactly("SUP", "Incident", "jira");
        });
    }
}
