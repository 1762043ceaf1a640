package dev.failforward.jira.setup;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.avatar.Avatar;
import com.atlassian.jira.avatar.AvatarManager;
import com.atlassian.jira.config.ConstantsManager;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.StatusCategoryManager;
import com.atlassian.jira.config.StatusManager;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.config.manager.FieldConfigSchemeManager;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.fields.screen.FieldScreen;
import com.atlassian.jira.issue.fields.screen.FieldScreenManager;
import com.atlassian.jira.issue.fields.screen.FieldScreenScheme;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeItem;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeManager;
import com.atlassian.jira.issue.fields.screen.FieldScreenTab;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenScheme;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeEntity;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.scheme.Scheme;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.workflow.AssignableWorkflowScheme;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowException;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.jira.workflow.WorkflowSchemeManager;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * An in-memory Jira for setup tests: Mockito mocks of Jira's managers and objects whose answers read and write the
 * state below, behaving like Jira where setup depends on it (ids assigned on store, unique names refused twice, a new
 * issue type joining the default issue type scheme, one screen scheme and workflow scheme per project). Every call on
 * any of them is serialised on this object, so two "nodes" may use it at once; a method setup is not expected to call
 * fails the test. Counts how often each kind of thing was created.
 */
final class FakeJira {

    // ----------------------------------------------------------------------------------------------- shared state

    private final AtomicLong ids = new AtomicLong(10_000);
    private final Map<String, Integer> created = new ConcurrentHashMap<>();

    /** Name of a manager method that fails (as when the database is down), or null. */
    volatile String failing;

    /** Global plugin settings: what every node reads (Jira keeps them in its database). */
    final Map<String, Object> settings = new ConcurrentHashMap<>();
    /** The cluster lock: one real lock behind the fake lock service, shared by every "node". */
    final ReentrantLock clusterLock = new ReentrantLock();
    final List<String> lockNames = new ArrayList<>();

    final Map<String, IssueType> issueTypes = new LinkedHashMap<>();
    final Map<Long, Avatar> avatars = new LinkedHashMap<>();
    final Map<Long, byte[]> avatarImages = new LinkedHashMap<>();
    final Map<Long, IssueTypeSchemeState> issueTypeSchemes = new LinkedHashMap<>();
    final Map<String, Long> projectIssueTypeSchemes = new HashMap<>();
    final Map<String, FieldState> fields = new LinkedHashMap<>();
    final Map<Long, OptionState> options = new LinkedHashMap<>();
    final Map<Long, ScreenState> screens = new LinkedHashMap<>();
    final Map<Long, ScreenSchemeState> screenSchemes = new LinkedHashMap<>();
    final Map<Long, IssueTypeScreenSchemeState> issueTypeScreenSchemes = new LinkedHashMap<>();
    final Map<String, Long> projectIssueTypeScreenSchemes = new HashMap<>();
    final Map<String, Status> statuses = new LinkedHashMap<>();
    final Map<Long, LinkTypeState> linkTypes = new LinkedHashMap<>();
    final Map<String, WorkflowState> workflows = new LinkedHashMap<>();
    final Map<Long, WorkflowSchemeState> workflowSchemes = new LinkedHashMap<>();
    final Map<String, Long> projectWorkflowSchemes = new HashMap<>();

    static final long DEFAULT_ISSUE_TYPE_SCHEME = 10_000L;
    static final long DEFAULT_AVATAR = 10_300L;
    static final long DEFAULT_SCREEN = 1L;
    static final long DEFAULT_SCREEN_SCHEME = 1L;
    static final long DEFAULT_ISSUE_TYPE_SCREEN_SCHEME = 1L;

    record FieldState(String id, long numericId, String name, String description, String typeKey, String searcherKey,
                      List<JiraContextNode> contexts, List<String> issueTypeIds, FieldConfig config, boolean hasContext) {
    }

    record OptionState(long id, FieldConfig config, Long parentId, long sequence, String value) {
    }

    record LinkTypeState(long id, String name, String outward, String inward, String style) {
    }

    /** A workflow as Jira stored it: its XML, and per step the status id, per transition the screen id. */
    record WorkflowState(String name, String xml, List<String> stepStatusIds, List<String> transitionScreenIds) {
    }

    static final class IssueTypeSchemeState {
        final long id;
        final String name;
        final List<String> typeIds = new ArrayList<>();

        IssueTypeSchemeState(long id, String name, Collection<String> typeIds) {
            this.id = id;
            this.name = name;
            this.typeIds.addAll(typeIds);
        }
    }

    static final class ScreenState {
        Long id;
        String name;
        String description;
        final List<TabState> tabs = new ArrayList<>();

        List<String> allFields() {
            List<String> all = new ArrayList<>();
            tabs.forEach(tab -> all.addAll(tab.fields));
            return all;
        }
    }

    static final class TabState {
        final String name;
        final List<String> fields = new ArrayList<>();

        TabState(String name) {
            this.name = name;
        }
    }

    static final class ScreenSchemeState {
        Long id;
        String name;
        String description;
        /** Screen for the default operation (every operation without an item of its own). */
        Long defaultScreenId;
        /** Screen for Jira's create operation, or null. */
        Long createScreenId;
    }

    static final class IssueTypeScreenSchemeState {
        Long id;
        String name;
        String description;
        /** Issue type id (null = every other type) → screen scheme id. */
        final Map<String, Long> entries = new HashMap<>();
    }

    static final class WorkflowSchemeState {
        Long id;
        String name;
        String description;
        final Map<String, String> mappings = new LinkedHashMap<>();
    }

    FakeJira() {
        issueType("1", "Bug");
        issueType("3", "Task");
        issueTypeSchemes.put(DEFAULT_ISSUE_TYPE_SCHEME,
                new IssueTypeSchemeState(DEFAULT_ISSUE_TYPE_SCHEME, "Default Issue Type Scheme", List.of("1", "3")));
        status("1", "Open");
        status("6", "Closed");
        ScreenState defaultScreen = new ScreenState();
        defaultScreen.id = DEFAULT_SCREEN;
        defaultScreen.name = "Default Screen";
        screens.put(DEFAULT_SCREEN, defaultScreen);
        ScreenSchemeState defaultScheme = new ScreenSchemeState();
        defaultScheme.id = DEFAULT_SCREEN_SCHEME;
        defaultScheme.name = "Default Screen Scheme";
        defaultScheme.defaultScreenId = DEFAULT_SCREEN;
        screenSchemes.put(DEFAULT_SCREEN_SCHEME, defaultScheme);
        IssueTypeScreenSchemeState defaultItss = new IssueTypeScreenSchemeState();
        defaultItss.id = DEFAULT_ISSUE_TYPE_SCREEN_SCHEME;
        defaultItss.name = "Default Issue Type Screen Scheme";
        defaultItss.entries.put(null, DEFAULT_SCREEN_SCHEME);
        issueTypeScreenSchemes.put(DEFAULT_ISSUE_TYPE_SCREEN_SCHEME, defaultItss);
        linkTypes.put(10_000L, new LinkTypeState(10_000L, "Blocks", "blocks", "is blocked by", null));
        workflows.put("jira", new WorkflowState("jira", null, List.of(), List.of()));
    }

    // ----------------------------------------------------------------------------------------------- counts

    /** How many things of this kind setup created, over every run so far. */
    int created(String kind) {
        return created.getOrDefault(kind, 0);
    }

    Map<String, Integer> creations() {
        return Map.copyOf(created);
    }

    private void count(String kind) {
        created.merge(kind, 1, Integer::sum);
    }

    private long nextId() {
        return ids.incrementAndGet();
    }

    // ----------------------------------------------------------------------------------------------- the services

    PluginSettingsFactory pluginSettingsFactory() {
        PluginSettings global = fake(PluginSettings.class, "global settings", call -> switch (call.getMethod().getName()) {
            case "get" -> settings.get((String) call.getArgument(0));
            case "put" -> settings.put(call.getArgument(0), call.getArgument(1));
            case "remove" -> settings.remove((String) call.getArgument(0));
            default -> unexpected(call);
        });
        return fake(PluginSettingsFactory.class, "settings factory", call -> switch (call.getMethod().getName()) {
            case "createGlobalSettings" -> global;
            default -> unexpected(call);
        });
    }

    /** Lock service of one node: every node gets the same cluster-wide lock for the same name. */
    ClusterLockService clusterLockService() {
        ClusterLock lock = new SharedClusterLock(clusterLock);
        return name -> {
            synchronized (lockNames) {
                lockNames.add(name);
            }
            return lock;
        };
    }

    JiraIssueTypes jiraIssueTypes() {
        IssueTypeManager issueTypeManager = fake(IssueTypeManager.class, "IssueTypeManager", call -> switch (call.getMethod().getName()) {
            case "getIssueType" -> issueTypes.get((String) call.getArgument(0));
            case "getIssueTypes" -> List.copyOf(issueTypes.values());
            case "createIssueType" -> {
                String name = call.getArgument(0);
                Long avatarId = call.getArgument(2);
                if (issueTypes.values().stream().anyMatch(type -> type.getName().equalsIgnoreCase(name))) {
                    throw new IllegalStateException("An issue type with the name '" + name + "' exists already");
                }
                Objects.requireNonNull(avatarId, "avatarId");
                IssueType type = issueType(Long.toString(nextId()), name);
                issueTypeSchemes.get(DEFAULT_ISSUE_TYPE_SCHEME).typeIds.add(type.getId());
                count("issueType");
                yield type;
            }
            default -> unexpected(call);
        });
        AvatarManager avatarManager = fake(AvatarManager.class, "AvatarManager", call -> switch (call.getMethod().getName()) {
            case "getById" -> avatars.get((Long) call.getArgument(0));
            case "getDefaultAvatarId" -> DEFAULT_AVATAR;
            case "create" -> {
                byte[] image = readAll(call.getArgument(4));
                long id = nextId();
                Avatar avatar = fake(Avatar.class, "avatar " + id, inner -> switch (inner.getMethod().getName()) {
                    case "getId" -> id;
                    default -> unexpected(inner);
                });
                avatars.put(id, avatar);
                avatarImages.put(id, image);
                count("avatar");
                yield avatar;
            }
            default -> unexpected(call);
        });
        IssueTypeSchemeManager schemeManager = fake(IssueTypeSchemeManager.class, "IssueTypeSchemeManager", call -> switch (call.getMethod().getName()) {
            case "create" -> {
                long id = nextId();
                issueTypeSchemes.put(id, new IssueTypeSchemeState(id, call.getArgument(0), call.<List<String>>getArgument(2)));
                count("issueTypeScheme");
                yield issueTypeScheme(id);
            }
            case "update" -> {
                IssueTypeSchemeState state = issueTypeSchemes.get(call.<FieldConfigScheme>getArgument(0).getId());
                state.typeIds.clear();
                state.typeIds.addAll(call.<Collection<String>>getArgument(1));
                yield call.getArgument(0);
            }
            case "isDefaultIssueTypeScheme" -> call.<FieldConfigScheme>getArgument(0).getId() == DEFAULT_ISSUE_TYPE_SCHEME;
            case "addOptionToDefault" -> {
                List<String> defaults = issueTypeSchemes.get(DEFAULT_ISSUE_TYPE_SCHEME).typeIds;
                if (!defaults.contains(call.<String>getArgument(0))) {
                    defaults.add(call.getArgument(0));
                }
                yield null;
            }
            case "getConfigScheme" -> issueTypeScheme(projectIssueTypeSchemes.getOrDefault(key(call.getArgument(0)), DEFAULT_ISSUE_TYPE_SCHEME));
            case "getIssueTypesForProject" -> issueTypeSchemes.get(projectIssueTypeSchemes.getOrDefault(key(call.getArgument(0)),
                    DEFAULT_ISSUE_TYPE_SCHEME)).typeIds.stream().map(issueTypes::get).filter(Objects::nonNull).toList();
            default -> unexpected(call);
        });
        FieldConfigSchemeManager configSchemeManager = fake(FieldConfigSchemeManager.class, "FieldConfigSchemeManager", call -> switch (call.getMethod().getName()) {
            case "getFieldConfigScheme" -> issueTypeSchemes.containsKey((Long) call.getArgument(0)) ? issueTypeScheme(call.getArgument(0)) : null;
            default -> unexpected(call);
        });
        return new JiraIssueTypes(issueTypeManager, avatarManager, schemeManager, configSchemeManager);
    }

    JiraStatuses jiraStatuses() {
        Map<String, StatusCategory> categories = new HashMap<>();
        for (String key : List.of("new", "indeterminate", "done")) {
            categories.put(key, fake(StatusCategory.class, "category " + key, FakeJira::unexpected));
        }
        StatusCategoryManager categoryManager = fake(StatusCategoryManager.class, "StatusCategoryManager", call -> switch (call.getMethod().getName()) {
            case "getStatusCategoryByKey" -> categories.get((String) call.getArgument(0));
            default -> unexpected(call);
        });
        StatusManager statusManager = fake(StatusManager.class, "StatusManager", call -> switch (call.getMethod().getName()) {
            case "getStatus" -> statuses.get((String) call.getArgument(0));
            case "getStatuses" -> List.copyOf(statuses.values());
            case "createStatus" -> {
                if ("createStatus".equals(failing)) {
                    throw new IllegalStateException("the database is down");
                }
                String name = call.getArgument(0);
                if (statuses.values().stream().anyMatch(status -> status.getName().equalsIgnoreCase(name))) {
                    throw new IllegalStateException("A status with the name '" + name + "' already exists.");
                }
                Objects.requireNonNull(call.getArgument(3), "statusCategory");
                count("status");
                yield status(Long.toString(nextId()), name);
            }
            default -> unexpected(call);
        });
        return new JiraStatuses(statusManager, categoryManager);
    }

    private final Map<Object, String> typeKeys = new ConcurrentHashMap<>();

    CustomFieldManager customFieldManager() {
        return fake(CustomFieldManager.class, "CustomFieldManager", call -> switch (call.getMethod().getName()) {
            case "getCustomFieldType" -> {
                String key = call.getArgument(0);
                CustomFieldType<?, ?> type = fake(CustomFieldType.class, "type " + key, FakeJira::unexpected);
                typeKeys.put(type, key);
                yield type;
            }
            case "getCustomFieldSearcher" -> {
                String key = call.getArgument(0);
                CustomFieldSearcher searcher = fake(CustomFieldSearcher.class, "searcher " + key, FakeJira::unexpected);
                typeKeys.put(searcher, key);
                yield searcher;
            }
            case "getCustomFieldObject" -> fields.containsKey((String) call.getArgument(0)) ? customField(call.getArgument(0)) : null;
            case "createCustomField" -> {
                long number = nextId();
                String id = "customfield_" + number;
                FieldConfig config = fake(FieldConfig.class, "config of " + id, FakeJira::unexpected);
                List<String> typeIds = new ArrayList<>();
                call.<List<IssueType>>getArgument(5).forEach(type -> typeIds.add(type == null ? null : type.getId()));
                fields.put(id, new FieldState(id, number, call.getArgument(0), call.getArgument(1),
                        typeKeys.get(call.getArgument(2)), typeKeys.get(call.getArgument(3)),
                        List.copyOf(call.<List<JiraContextNode>>getArgument(4)), typeIds, config, true));
                count("field");
                yield customField(id);
            }
            default -> unexpected(call);
        });
    }

    JiraFields jiraFields() {
        OptionsManager optionsManager = fake(OptionsManager.class, "OptionsManager", call -> switch (call.getMethod().getName()) {
            case "findByOptionId" -> options.containsKey((Long) call.getArgument(0)) ? option(call.getArgument(0)) : null;
            case "createOption" -> {
                long id = nextId();
                options.put(id, new OptionState(id, call.getArgument(0), call.getArgument(1), call.<Long>getArgument(2), call.getArgument(3)));
                count("option");
                yield option(id);
            }
            default -> unexpected(call);
        });
        return new JiraFields(customFieldManager(), optionsManager);
    }

    JiraScreens jiraScreens() {
        FieldScreenManager screenManager = fake(FieldScreenManager.class, "FieldScreenManager", call -> switch (call.getMethod().getName()) {
            case "getFieldScreen" -> screens.containsKey((Long) call.getArgument(0)) ? screenMock(screens.get((Long) call.getArgument(0))) : null;
            default -> unexpected(call);
        });
        FieldScreenSchemeManager screenSchemeManager = fake(FieldScreenSchemeManager.class, "FieldScreenSchemeManager", call -> switch (call.getMethod().getName()) {
            case "getFieldScreenScheme" -> screenSchemes.containsKey((Long) call.getArgument(0))
                    ? screenSchemeMock(screenSchemes.get((Long) call.getArgument(0))) : null;
            default -> unexpected(call);
        });
        IssueTypeScreenSchemeManager itssManager = fake(IssueTypeScreenSchemeManager.class, "IssueTypeScreenSchemeManager", call -> switch (call.getMethod().getName()) {
            case "getIssueTypeScreenScheme" -> {
                Object argument = call.getArgument(0);
                Long id = argument instanceof Project project
                        ? projectIssueTypeScreenSchemes.getOrDefault(project.getKey(), DEFAULT_ISSUE_TYPE_SCREEN_SCHEME)
                        : (Long) argument;
                yield issueTypeScreenSchemes.containsKey(id) ? issueTypeScreenSchemeMock(issueTypeScreenSchemes.get(id)) : null;
            }
            case "removeSchemeAssociation" -> {
                Long current = projectIssueTypeScreenSchemes.getOrDefault(key(call.getArgument(0)), DEFAULT_ISSUE_TYPE_SCREEN_SCHEME);
                if (!current.equals(call.<IssueTypeScreenScheme>getArgument(1).getId())) {
                    throw new IllegalStateException("project is not associated with that scheme");
                }
                projectIssueTypeScreenSchemes.remove(key(call.getArgument(0)));
                yield null;
            }
            case "addSchemeAssociation" -> {
                if (projectIssueTypeScreenSchemes.containsKey(key(call.getArgument(0)))) {
                    throw new IllegalStateException("project already has an issue type screen scheme");
                }
                projectIssueTypeScreenSchemes.put(key(call.getArgument(0)), call.<IssueTypeScreenScheme>getArgument(1).getId());
                yield null;
            }
            default -> unexpected(call);
        });
        ConstantsManager constantsManager = fake(ConstantsManager.class, "ConstantsManager", FakeJira::unexpected);
        return new JiraScreens(screenManager, screenSchemeManager, itssManager, constantsManager) {
            @Override
            FieldScreen newFieldScreen() {
                return screenMock(new ScreenState());
            }

            @Override
            FieldScreenScheme newFieldScreenScheme() {
                return screenSchemeMock(new ScreenSchemeState());
            }

            @Override
            FieldScreenSchemeItem newFieldScreenSchemeItem() {
                return screenSchemeItemMock(new Long[1]);
            }

            @Override
            IssueTypeScreenScheme newIssueTypeScreenScheme() {
                return issueTypeScreenSchemeMock(new IssueTypeScreenSchemeState());
            }

            @Override
            IssueTypeScreenSchemeEntity newIssueTypeScreenSchemeEntity() {
                return entityMock(null, new Object[2]);
            }
        };
    }

    JiraLinkTypes jiraLinkTypes() {
        IssueLinkTypeManager manager = fake(IssueLinkTypeManager.class, "IssueLinkTypeManager", call -> switch (call.getMethod().getName()) {
            case "getIssueLinkType" -> linkTypes.containsKey((Long) call.getArgument(0)) ? linkType(call.getArgument(0)) : null;
            case "getIssueLinkTypesByName" -> linkTypes.values().stream()
                    .filter(type -> type.name().equals(call.getArgument(0))).map(type -> linkType(type.id())).toList();
            case "createIssueLinkType" -> {
                long id = nextId();
                linkTypes.put(id, new LinkTypeState(id, call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3)));
                count("linkType");
                yield null;
            }
            default -> unexpected(call);
        });
        return new JiraLinkTypes(manager);
    }

    JiraWorkflows jiraWorkflows() {
        WorkflowManager workflowManager = fake(WorkflowManager.class, "WorkflowManager", call -> switch (call.getMethod().getName()) {
            case "getWorkflow", "getWorkflowClone" -> workflows.containsKey((String) call.getArgument(0)) ? workflow(call.getArgument(0)) : null;
            case "isActive" -> activeWorkflows.contains(call.<JiraWorkflow>getArgument(0).getName());
            case "getDraftWorkflow" -> drafts.containsKey((String) call.getArgument(0)) ? draft(call.getArgument(0)) : null;
            case "createDraftWorkflow" -> {
                String name = call.getArgument(1);
                if (call.getArgument(0) == null) {
                    throw new IllegalArgumentException("You can not create a draft workflow with a null user.");
                }
                if (!activeWorkflows.contains(name) || drafts.containsKey(name)) {
                    throw new IllegalStateException("the workflow " + name + " is not active or has a draft");
                }
                drafts.put(name, workflows.get(name));
                yield draft(name);
            }
            case "updateWorkflow" -> {
                JiraWorkflow workflow = call.getArgument(1);
                boolean draft = drafts.containsKey(workflow.getName()) && draftObjects.containsKey(workflow);
                if (!draft && activeWorkflows.contains(workflow.getName())) {
                    throw new IllegalStateException("an active workflow is edited through its draft");
                }
                WorkflowState saved = parse(workflow.getName(), xml(workflow.getDescriptor()));
                (draft ? drafts : workflows).put(workflow.getName(), saved);
                yield null;
            }
            case "overwriteActiveWorkflow" -> {
                String name = call.getArgument(1);
                workflows.put(name, drafts.remove(name));
                count("workflowPublished");
                yield null;
            }
            case "createWorkflow" -> {
                JiraWorkflow workflow = call.getArgument(1);
                if (workflows.containsKey(workflow.getName())) {
                    throw new WorkflowException("A workflow with the name '" + workflow.getName() + "' already exists");
                }
                workflows.put(workflow.getName(), pendingWorkflows.remove(workflow.getName()));
                count("workflow");
                yield null;
            }
            default -> unexpected(call);
        });
        WorkflowSchemeManager schemeManager = fake(WorkflowSchemeManager.class, "WorkflowSchemeManager", call -> switch (call.getMethod().getName()) {
            case "getWorkflowSchemeObj" -> {
                Object argument = call.getArgument(0);
                if (argument instanceof Project project) {
                    Long id = projectWorkflowSchemes.get(project.getKey());
                    yield id == null ? defaultWorkflowScheme() : workflowScheme(copy(workflowSchemes.get(id)));
                }
                WorkflowSchemeState state = workflowSchemes.get((Long) argument);
                yield state == null ? null : workflowScheme(copy(state));
            }
            case "isUsingDefaultScheme" -> !projectWorkflowSchemes.containsKey(key(call.getArgument(0)));
            case "assignableBuilder" -> workflowSchemeBuilder(new WorkflowSchemeState());
            case "createScheme" -> {
                WorkflowSchemeState state = copy(state(call.getArgument(0)));
                if (state.id != null) {
                    throw new IllegalStateException("scheme exists already");
                }
                state.id = nextId();
                workflowSchemes.put(state.id, state);
                count("workflowScheme");
                yield workflowScheme(copy(state));
            }
            case "updateWorkflowScheme" -> {
                WorkflowSchemeState state = copy(state(call.getArgument(0)));
                if (!workflowSchemes.containsKey(state.id)) {
                    throw new IllegalStateException("no such scheme");
                }
                workflowSchemes.put(state.id, state);
                yield workflowScheme(copy(state));
            }
            case "getSchemeObject" -> {
                Long id = call.getArgument(0);
                yield workflowSchemes.containsKey(id) ? fake(Scheme.class, "scheme " + id, inner -> switch (inner.getMethod().getName()) {
                    case "getId" -> id;
                    default -> unexpected(inner);
                }) : null;
            }
            case "addSchemeToProject" -> {
                if (projectWorkflowSchemes.containsKey(key(call.getArgument(0)))) {
                    throw new IllegalStateException("project has a workflow scheme already");
                }
                projectWorkflowSchemes.put(key(call.getArgument(0)), call.<Scheme>getArgument(1).getId());
                yield null;
            }
            default -> unexpected(call);
        });
        JiraAuthenticationContext authenticationContext = fake(JiraAuthenticationContext.class, "auth", call -> switch (call.getMethod().getName()) {
            case "getLoggedInUser" -> loggedInUser;
            default -> unexpected(call);
        });
        return new JiraWorkflows(workflowManager, schemeManager, authenticationContext) {
            /**
             * Instead of Jira's WorkflowUtil: the XML is parsed (well-formed, not validated: Jira's OSWorkflow fork has
             * its own DTD, which the workflow package's tests check) and its status and screen ids are kept.
             */
            @Override
            JiraWorkflow newWorkflow(String name, String xml) throws com.opensymphony.workflow.FactoryException {
                WorkflowState parsed = parse(name, xml);
                synchronized (FakeJira.this) {
                    pendingWorkflows.put(name, parsed);
                }
                return workflow(name);
            }
        };
    }

    private final Map<String, WorkflowState> pendingWorkflows = new HashMap<>();

    private static WorkflowState parse(String name, String xml) throws com.opensymphony.workflow.FactoryException {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            org.w3c.dom.Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            List<String> statusIds = new ArrayList<>();
            List<String> screenIds = new ArrayList<>();
            org.w3c.dom.NodeList metas = document.getElementsByTagName("meta");
            for (int i = 0; i < metas.getLength(); i++) {
                org.w3c.dom.Element meta = (org.w3c.dom.Element) metas.item(i);
                String owner = ((org.w3c.dom.Element) meta.getParentNode()).getTagName();
                if (owner.equals("step") && meta.getAttribute("name").equals("jira.status.id")) {
                    statusIds.add(meta.getTextContent().trim());
                }
                if (owner.equals("action") && meta.getAttribute("name").equals("jira.fieldscreen.id")) {
                    screenIds.add(meta.getTextContent().trim());
                }
            }
            return new WorkflowState(name, xml, statusIds, screenIds);
        } catch (Exception e) {
            throw new com.opensymphony.workflow.FactoryException("Invalid workflow XML: " + e.getMessage(), e);
        }
    }

    // ----------------------------------------------------------------------------------------------- admin actions

    void deleteIssueType(String id) {
        synchronized (this) {
            issueTypes.remove(id);
            issueTypeSchemes.values().forEach(scheme -> scheme.typeIds.remove(id));
        }
    }

    void deleteField(String id) {
        synchronized (this) {
            FieldState field = fields.remove(id);
            options.values().removeIf(option -> option.config() == field.config());
            screens.values().forEach(screen -> screen.tabs.forEach(tab -> tab.fields.remove(id)));
        }
    }

    void deleteOption(long id) {
        synchronized (this) {
            options.remove(id);
        }
    }

    void deleteLinkType(long id) {
        synchronized (this) {
            linkTypes.remove(id);
        }
    }

    /** A project on its own issue type scheme, screen scheme and workflow scheme (as a Jira Software project is). */
    void giveOwnSchemes(Project project, String... issueTypeIds) {
        synchronized (this) {
            long schemeId = nextId();
            issueTypeSchemes.put(schemeId, new IssueTypeSchemeState(schemeId, project.getKey() + " issue types", List.of(issueTypeIds)));
            projectIssueTypeSchemes.put(project.getKey(), schemeId);
            IssueTypeScreenSchemeState itss = new IssueTypeScreenSchemeState();
            itss.id = nextId();
            itss.name = project.getKey() + " screens";
            itss.entries.put(null, DEFAULT_SCREEN_SCHEME);
            issueTypeScreenSchemes.put(itss.id, itss);
            projectIssueTypeScreenSchemes.put(project.getKey(), itss.id);
            WorkflowSchemeState workflowScheme = new WorkflowSchemeState();
            workflowScheme.id = nextId();
            workflowScheme.name = project.getKey() + " workflows";
            workflowScheme.mappings.put("1", "jira");
            workflowSchemes.put(workflowScheme.id, workflowScheme);
            projectWorkflowSchemes.put(project.getKey(), workflowScheme.id);
        }
    }

    static Project project(String key) {
        return fake(Project.class, "project " + key, new Object(), call -> switch (call.getMethod().getName()) {
            case "getKey" -> key;
            case "getName" -> key + " project";
            case "getId" -> (long) Math.abs(key.hashCode());
            default -> unexpected(call);
        });
    }

    // ----------------------------------------------------------------------------------------------- Jira objects

    private IssueType issueType(String id, String name) {
        IssueType type = fake(IssueType.class, "issue type " + name, call -> switch (call.getMethod().getName()) {
            case "getId" -> id;
            case "getName" -> name;
            default -> unexpected(call);
        });
        issueTypes.put(id, type);
        return type;
    }

    private Status status(String id, String name) {
        Status status = fake(Status.class, "status " + name, call -> switch (call.getMethod().getName()) {
            case "getId" -> id;
            case "getName" -> name;
            default -> unexpected(call);
        });
        statuses.put(id, status);
        return status;
    }

    private FieldConfigScheme issueTypeScheme(long id) {
        return fake(FieldConfigScheme.class, "issue type scheme " + id, call -> switch (call.getMethod().getName()) {
            case "getId" -> id;
            default -> unexpected(call);
        });
    }

    private CustomField customField(String id) {
        FieldState state = fields.get(id);
        FieldConfigScheme context = fake(FieldConfigScheme.class, "context of " + id, call -> switch (call.getMethod().getName()) {
            case "getOneAndOnlyConfig" -> state.config();
            default -> unexpected(call);
        });
        return fake(CustomField.class, "field " + state.name(), call -> switch (call.getMethod().getName()) {
            case "getId" -> state.id();
            case "getIdAsLong" -> state.numericId();
            case "getName" -> state.name();
            case "getConfigurationSchemes" -> {
                FieldState current = fields.get(id);
                yield current != null && current.hasContext() ? List.of(context) : List.of();
            }
            default -> unexpected(call);
        });
    }

    /** The field loses its context (Jira drops a context whose only issue type was deleted). */
    void dropContext(String fieldId) {
        synchronized (this) {
            FieldState field = fields.get(fieldId);
            fields.put(fieldId, new FieldState(field.id(), field.numericId(), field.name(), field.description(), field.typeKey(),
                    field.searcherKey(), field.contexts(), field.issueTypeIds(), field.config(), false));
        }
    }

    private Option option(long id) {
        OptionState state = options.get(id);
        return fake(Option.class, "option " + state.value(), call -> switch (call.getMethod().getName()) {
            case "getOptionId" -> state.id();
            case "getValue" -> state.value();
            default -> unexpected(call);
        });
    }

    /** The option values of a field, in sequence order. */
    List<String> optionValues(String fieldId) {
        synchronized (this) {
            FieldConfig config = fields.get(fieldId).config();
            return options.values().stream().filter(option -> option.config() == config)
                    .sorted(java.util.Comparator.comparingLong(OptionState::sequence)).map(OptionState::value).toList();
        }
    }

    private FieldScreen screenMock(ScreenState state) {
        return fake(FieldScreen.class, "screen", call -> switch (call.getMethod().getName()) {
            case "getId" -> state.id;
            case "getName" -> state.name;
            case "setName" -> {
                state.name = call.getArgument(0);
                yield null;
            }
            case "setDescription" -> {
                state.description = call.getArgument(0);
                yield null;
            }
            case "store" -> {
                if (state.id == null) {
                    state.id = nextId();
                    screens.put(state.id, state);
                    count("screen");
                }
                yield null;
            }
            case "addTab" -> {
                if (state.id == null) {
                    throw new IllegalStateException("store the screen before adding tabs");
                }
                TabState tab = new TabState(call.getArgument(0));
                state.tabs.add(tab);
                count("tab");
                yield tabMock(tab);
            }
            case "getTabs" -> state.tabs.stream().map(this::tabMock).toList();
            case "containsField" -> state.allFields().contains(call.<String>getArgument(0));
            case "removeFieldScreenLayoutItem" -> {
                state.tabs.forEach(tab -> tab.fields.remove(call.<String>getArgument(0)));
                yield null;
            }
            default -> unexpected(call);
        });
    }

    private FieldScreenTab tabMock(TabState state) {
        return fake(FieldScreenTab.class, "tab " + state.name, call -> switch (call.getMethod().getName()) {
            case "getName" -> state.name;
            case "addFieldScreenLayoutItem" -> {
                String fieldId = call.getArgument(0);
                if (screens.values().stream().filter(screen -> screen.tabs.contains(state))
                        .anyMatch(screen -> screen.allFields().contains(fieldId))) {
                    throw new IllegalArgumentException("field " + fieldId + " is on the screen already");
                }
                state.fields.add(fieldId);
                yield null;
            }
            default -> unexpected(call);
        });
    }

    private FieldScreenScheme screenSchemeMock(ScreenSchemeState state) {
        return fake(FieldScreenScheme.class, "screen scheme", call -> switch (call.getMethod().getName()) {
            case "getId" -> state.id;
            case "setName" -> {
                state.name = call.getArgument(0);
                yield null;
            }
            case "setDescription" -> {
                state.description = call.getArgument(0);
                yield null;
            }
            case "store" -> {
                if (state.id == null) {
                    state.id = nextId();
                    screenSchemes.put(state.id, state);
                    count("screenScheme");
                }
                yield null;
            }
            case "getFieldScreenSchemeItem" -> {
                boolean create = operation(call.getArgument(0));
                Long screenId = create ? state.createScreenId : state.defaultScreenId;
                yield screenId == null ? null : screenSchemeItemMock(new Long[] {screenId}, state, create);
            }
            case "addFieldScreenSchemeItem" -> {
                if (state.id == null) {
                    throw new IllegalStateException("store the scheme before adding items");
                }
                FieldScreenSchemeItem item = call.getArgument(0);
                if (itemOperations.get(item) == null || !operation(itemOperations.get(item)[0])) {
                    state.defaultScreenId = screenSchemeItemScreen(item);
                } else {
                    state.createScreenId = screenSchemeItemScreen(item);
                }
                yield null;
            }
            default -> unexpected(call);
        });
    }

    private final Map<FieldScreenSchemeItem, Long[]> itemScreens = new java.util.IdentityHashMap<>();
    private final Map<FieldScreenSchemeItem, Object[]> itemOperations = new java.util.IdentityHashMap<>();

    /** True for Jira's create operation, false for the default (null); setup uses no other. */
    private static boolean operation(Object operation) {
        if (operation == null) {
            return false;
        }
        if (operation == com.atlassian.jira.issue.operation.IssueOperations.CREATE_ISSUE_OPERATION) {
            return true;
        }
        throw new IllegalArgumentException("setup only uses the default and the create operation");
    }

    private FieldScreenSchemeItem screenSchemeItemMock(Long[] screenId) {
        return screenSchemeItemMock(screenId, null, false);
    }

    private FieldScreenSchemeItem screenSchemeItemMock(Long[] screenId, ScreenSchemeState owner, boolean create) {
        Object[] operation = {create ? com.atlassian.jira.issue.operation.IssueOperations.CREATE_ISSUE_OPERATION : null};
        FieldScreenSchemeItem item = fake(FieldScreenSchemeItem.class, "screen scheme item", call -> switch (call.getMethod().getName()) {
            case "getFieldScreenId" -> screenId[0];
            case "getIssueOperation" -> operation[0];
            case "setIssueOperation" -> {
                operation[0] = call.getArgument(0);
                yield null;
            }
            case "setFieldScreen" -> {
                screenId[0] = call.<FieldScreen>getArgument(0).getId();
                yield null;
            }
            case "store" -> {
                if (owner != null) {
                    if (operation(operation[0])) {
                        owner.createScreenId = screenId[0];
                    } else {
                        owner.defaultScreenId = screenId[0];
                    }
                }
                yield null;
            }
            default -> unexpected(call);
        });
        itemScreens.put(item, screenId);
        itemOperations.put(item, operation);
        return item;
    }

    private Long screenSchemeItemScreen(FieldScreenSchemeItem item) {
        return itemScreens.get(item)[0];
    }

    private IssueTypeScreenScheme issueTypeScreenSchemeMock(IssueTypeScreenSchemeState state) {
        return fake(IssueTypeScreenScheme.class, "issue type screen scheme", call -> switch (call.getMethod().getName()) {
            case "getId" -> state.id;
            case "setName" -> {
                state.name = call.getArgument(0);
                yield null;
            }
            case "setDescription" -> {
                state.description = call.getArgument(0);
                yield null;
            }
            case "store" -> {
                if (state.id == null) {
                    state.id = nextId();
                    issueTypeScreenSchemes.put(state.id, state);
                    count("issueTypeScreenScheme");
                }
                yield null;
            }
            case "getEntity" -> state.entries.containsKey(call.<String>getArgument(0))
                    ? entityMock(state, new Object[] {call.getArgument(0), state.entries.get(call.<String>getArgument(0))})
                    : null;
            case "addEntity" -> {
                if (state.id == null) {
                    throw new IllegalStateException("store the scheme before adding entries");
                }
                Object[] entity = entityStates.get(call.<IssueTypeScreenSchemeEntity>getArgument(0));
                state.entries.put((String) entity[0], (Long) entity[1]);
                yield null;
            }
            default -> unexpected(call);
        });
    }

    private final Map<IssueTypeScreenSchemeEntity, Object[]> entityStates = new java.util.IdentityHashMap<>();

    /** {@code state} = {issue type id, screen scheme id}; {@code owner} is set for entries read from a scheme. */
    private IssueTypeScreenSchemeEntity entityMock(IssueTypeScreenSchemeState owner, Object[] state) {
        IssueTypeScreenSchemeEntity entity = fake(IssueTypeScreenSchemeEntity.class, "entry", call -> switch (call.getMethod().getName()) {
            case "getFieldScreenSchemeId" -> state[1];
            case "setIssueTypeId" -> {
                state[0] = call.getArgument(0);
                yield null;
            }
            case "setFieldScreenScheme" -> {
                state[1] = call.<FieldScreenScheme>getArgument(0).getId();
                yield null;
            }
            case "store" -> {
                if (owner == null) {
                    throw new IllegalStateException("add the entry to a scheme instead");
                }
                owner.entries.put((String) state[0], (Long) state[1]);
                yield null;
            }
            default -> unexpected(call);
        });
        entityStates.put(entity, state);
        return entity;
    }

    private IssueLinkType linkType(long id) {
        LinkTypeState state = linkTypes.get(id);
        return fake(IssueLinkType.class, "link type " + state.name(), call -> switch (call.getMethod().getName()) {
            case "getId" -> state.id();
            case "getName" -> state.name();
            default -> unexpected(call);
        });
    }

    /** Workflows assigned to a scheme a project uses: Jira edits them only through a draft. */
    final Set<String> activeWorkflows = new java.util.HashSet<>();
    /** Drafts of active workflows, by name. */
    final Map<String, WorkflowState> drafts = new LinkedHashMap<>();
    /** Who runs the setup; null while the plugin starts. */
    volatile com.atlassian.jira.user.ApplicationUser loggedInUser;
    private final Map<JiraWorkflow, Boolean> draftObjects = new java.util.IdentityHashMap<>();

    /** A workflow; its descriptor is a fresh, editable copy of what Jira stores (as getWorkflowClone gives). */
    private JiraWorkflow workflow(String name) {
        return workflow(name, () -> workflows.get(name));
    }

    private JiraWorkflow draft(String name) {
        JiraWorkflow draft = workflow(name, () -> drafts.get(name));
        draftObjects.put(draft, true);
        return draft;
    }

    private JiraWorkflow workflow(String name, java.util.function.Supplier<WorkflowState> state) {
        com.opensymphony.workflow.loader.WorkflowDescriptor[] descriptor = new com.opensymphony.workflow.loader.WorkflowDescriptor[1];
        return fake(JiraWorkflow.class, "workflow " + name, call -> switch (call.getMethod().getName()) {
            case "getName" -> name;
            case "getDescriptor" -> {
                if (descriptor[0] == null) {
                    descriptor[0] = com.opensymphony.workflow.loader.WorkflowLoader.load(
                            new ByteArrayInputStream(state.get().xml().getBytes(StandardCharsets.UTF_8)));
                }
                yield descriptor[0];
            }
            default -> unexpected(call);
        });
    }

    static String xml(com.opensymphony.workflow.loader.WorkflowDescriptor descriptor) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (java.io.PrintWriter writer = new java.io.PrintWriter(out)) {
            writer.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            writer.println("<!DOCTYPE workflow PUBLIC \"-//OpenSymphony Group//DTD OSWorkflow 2.7//EN\" "
                    + "\"http://www.opensymphony.com/osworkflow/workflow_2_7.dtd\">");
            descriptor.writeXML(writer, 0);
        }
        return out.toString();
    }

    /** As an admin (or an older version of the plugin) would: the transition shows that screen (null: none). */
    void setTransitionScreen(String workflowName, int actionId, String screenId) {
        synchronized (this) {
            try {
                com.opensymphony.workflow.loader.WorkflowDescriptor descriptor = com.opensymphony.workflow.loader.WorkflowLoader.load(
                        new ByteArrayInputStream(workflows.get(workflowName).xml().getBytes(StandardCharsets.UTF_8)));
                com.opensymphony.workflow.loader.ActionDescriptor action = descriptor.getAction(actionId);
                @SuppressWarnings("unchecked")
                Map<String, Object> meta = action.getMetaAttributes();
                action.setView(screenId == null ? null : "fieldscreen");
                if (screenId == null) {
                    meta.remove("jira.fieldscreen.id");
                } else {
                    meta.put("jira.fieldscreen.id", screenId);
                }
                workflows.put(workflowName, parse(workflowName, xml(descriptor)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The screen id per transition of a stored workflow (null: none), as Jira would run it. */
    Map<Integer, String> transitionScreens(String workflowName) {
        Map<Integer, String> screens = new LinkedHashMap<>();
        try {
            com.opensymphony.workflow.loader.WorkflowDescriptor descriptor = com.opensymphony.workflow.loader.WorkflowLoader.load(
                    new ByteArrayInputStream(workflows.get(workflowName).xml().getBytes(StandardCharsets.UTF_8)));
            for (Object step : descriptor.getSteps()) {
                for (Object a : ((com.opensymphony.workflow.loader.StepDescriptor) step).getActions()) {
                    com.opensymphony.workflow.loader.ActionDescriptor action = (com.opensymphony.workflow.loader.ActionDescriptor) a;
                    screens.put(action.getId(), "fieldscreen".equals(action.getView())
                            ? (String) action.getMetaAttributes().get("jira.fieldscreen.id") : null);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return screens;
    }

    private final Map<AssignableWorkflowScheme, WorkflowSchemeState> schemeStates = new java.util.IdentityHashMap<>();

    private WorkflowSchemeState state(AssignableWorkflowScheme scheme) {
        return schemeStates.get(scheme);
    }

    private static WorkflowSchemeState copy(WorkflowSchemeState state) {
        WorkflowSchemeState copy = new WorkflowSchemeState();
        copy.id = state.id;
        copy.name = state.name;
        copy.description = state.description;
        copy.mappings.putAll(state.mappings);
        return copy;
    }

    private AssignableWorkflowScheme defaultWorkflowScheme() {
        WorkflowSchemeState state = new WorkflowSchemeState();
        state.name = "Default Workflow Scheme";
        state.mappings.put(null, "jira");
        return workflowScheme(state);
    }

    /** A snapshot, as Jira's scheme objects are: changes go through a builder and the manager. */
    private AssignableWorkflowScheme workflowScheme(WorkflowSchemeState state) {
        AssignableWorkflowScheme scheme = fake(AssignableWorkflowScheme.class, "workflow scheme", call -> switch (call.getMethod().getName()) {
            case "getId" -> state.id;
            case "getMappings" -> java.util.Collections.unmodifiableMap(new HashMap<>(state.mappings));
            case "builder" -> workflowSchemeBuilder(copy(state));
            default -> unexpected(call);
        });
        schemeStates.put(scheme, state);
        return scheme;
    }

    private AssignableWorkflowScheme.Builder workflowSchemeBuilder(WorkflowSchemeState state) {
        AssignableWorkflowScheme.Builder[] self = new AssignableWorkflowScheme.Builder[1];
        self[0] = fake(AssignableWorkflowScheme.Builder.class, "workflow scheme builder", call -> switch (call.getMethod().getName()) {
            case "setName" -> {
                state.name = call.getArgument(0);
                yield self[0];
            }
            case "setDescription" -> {
                state.description = call.getArgument(0);
                yield self[0];
            }
            case "setMapping" -> {
                state.mappings.put(call.getArgument(0), call.getArgument(1));
                yield self[0];
            }
            case "build" -> workflowScheme(copy(state));
            default -> unexpected(call);
        });
        return self[0];
    }

    private static String key(Project project) {
        return project.getKey();
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------------------------------------- mock plumbing

    /**
     * A Mockito mock whose every call goes to {@code behaviour}, serialised on the given monitor. No stubbing happens
     * after creation, so the mocks are safe to call from several threads.
     */
    private <T> T fake(Class<T> type, String name, Answer<?> behaviour) {
        return fake(type, name, this, behaviour);
    }

    private static <T> T fake(Class<T> type, String name, Object monitor, Answer<?> behaviour) {
        return mock(type, withSettings().name(name).defaultAnswer(call -> {
            if (call.getMethod().getName().equals("toString") && call.getArguments().length == 0) {
                return name;
            }
            synchronized (monitor) {
                return behaviour.answer(call);
            }
        }));
    }

    private static Object unexpected(InvocationOnMock call) {
        throw new AssertionError("setup is not expected to call " + call.getMethod().getDeclaringClass().getSimpleName()
                + "." + call.getMethod().getName());
    }

    /** The cluster lock a node's lock service hands out: a view of the one real lock. */
    private static final class SharedClusterLock implements ClusterLock {
        private final ReentrantLock lock;

        SharedClusterLock(ReentrantLock lock) {
            this.lock = lock;
        }

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock.lockInterruptibly();
        }

        @Override
        public boolean tryLock() {
            return lock.tryLock();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            return lock.tryLock(time, unit);
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public Condition newCondition() {
            return lock.newCondition();
        }

        /** Declared by the real ClusterLock (not by our stand-in); never called by setup. */
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }
    }
}
