package dev.failforward.jira.setup;

import com.atlassian.jira.config.ConstantsManager;
import com.atlassian.jira.issue.fields.screen.FieldScreen;
import com.atlassian.jira.issue.fields.screen.FieldScreenImpl;
import com.atlassian.jira.issue.fields.screen.FieldScreenManager;
import com.atlassian.jira.issue.fields.screen.FieldScreenScheme;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeImpl;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeItem;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeItemImpl;
import com.atlassian.jira.issue.fields.screen.FieldScreenSchemeManager;
import com.atlassian.jira.issue.fields.screen.FieldScreenTab;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenScheme;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeEntity;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeEntityImpl;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeImpl;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeManager;
import com.atlassian.jira.issue.operation.IssueOperations;
import com.atlassian.jira.issue.operation.ScreenableIssueOperation;
import com.atlassian.jira.project.Project;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Jira's screens, screen schemes and issue type screen schemes, as setup needs them. Thin: no decisions here.
 *
 * <p>Jira's API has no factory for these: a plugin instantiates the {@code *Impl} classes and calls {@code store()}.
 * Those constructors are wrapped once, in the {@code new*} methods, so tests can hand out fakes instead.
 */
@Named
public class JiraScreens {

    /** A screen scheme item or issue type screen scheme entry for "every operation" / "every other issue type". */
    private static final ScreenableIssueOperation DEFAULT_OPERATION = null;
    /** Jira's create operation, whose screen scheme item gives the create screen. */
    static final ScreenableIssueOperation CREATE_OPERATION = IssueOperations.CREATE_ISSUE_OPERATION;

    private final FieldScreenManager fieldScreenManager;
    private final FieldScreenSchemeManager fieldScreenSchemeManager;
    private final IssueTypeScreenSchemeManager issueTypeScreenSchemeManager;
    private final ConstantsManager constantsManager;

    @Inject
    public JiraScreens(@ComponentImport FieldScreenManager fieldScreenManager,
                       @ComponentImport FieldScreenSchemeManager fieldScreenSchemeManager,
                       @ComponentImport IssueTypeScreenSchemeManager issueTypeScreenSchemeManager,
                       @ComponentImport ConstantsManager constantsManager) {
        this.fieldScreenManager = Objects.requireNonNull(fieldScreenManager, "fieldScreenManager");
        this.fieldScreenSchemeManager = Objects.requireNonNull(fieldScreenSchemeManager, "fieldScreenSchemeManager");
        this.issueTypeScreenSchemeManager = Objects.requireNonNull(issueTypeScreenSchemeManager, "issueTypeScreenSchemeManager");
        this.constantsManager = Objects.requireNonNull(constantsManager, "constantsManager");
    }

    // ------------------------------------------------------------------------------------------------ screens

    Optional<FieldScreen> screen(long id) {
        return Optional.ofNullable(fieldScreenManager.getFieldScreen(id));
    }

    FieldScreen createScreen(String name, String description) {
        FieldScreen screen = newFieldScreen();
        screen.setName(name);
        screen.setDescription(description);
        screen.store();
        return screen;
    }

    /** Adds a tab at the end; Jira stores it at once. */
    FieldScreenTab addTab(FieldScreen screen, String name) {
        return screen.addTab(name);
    }

    List<FieldScreenTab> tabs(FieldScreen screen) {
        return screen.getTabs();
    }

    boolean contains(FieldScreen screen, String fieldId) {
        return screen.containsField(fieldId);
    }

    /** Takes the field off the screen (whichever tab holds it). */
    void removeField(FieldScreen screen, String fieldId) {
        screen.removeFieldScreenLayoutItem(fieldId);
    }

    /** Adds a field (system field id or {@code customfield_…}) at the end of the tab. */
    void addField(FieldScreenTab tab, String fieldId) {
        tab.addFieldScreenLayoutItem(fieldId);
    }

    // ------------------------------------------------------------------------------------------------ screen schemes

    Optional<FieldScreenScheme> screenScheme(long id) {
        return Optional.ofNullable(fieldScreenSchemeManager.getFieldScreenScheme(id));
    }

    /** A screen scheme that shows the screen for every operation (create, edit, view). */
    FieldScreenScheme createScreenScheme(String name, String description, FieldScreen screen) {
        FieldScreenScheme scheme = newFieldScreenScheme();
        scheme.setName(name);
        scheme.setDescription(description);
        scheme.store();
        FieldScreenSchemeItem item = newFieldScreenSchemeItem();
        item.setIssueOperation(DEFAULT_OPERATION);
        item.setFieldScreen(screen);
        scheme.addFieldScreenSchemeItem(item);
        return scheme;
    }

    /** Makes the scheme show the screen for every operation without a screen of its own; false if it already did. */
    boolean showForEveryOperation(FieldScreenScheme scheme, FieldScreen screen) {
        return showFor(scheme, DEFAULT_OPERATION, screen);
    }

    /** Makes the scheme show the screen to create issues; false if it already did. */
    boolean showForCreate(FieldScreenScheme scheme, FieldScreen screen) {
        return showFor(scheme, CREATE_OPERATION, screen);
    }

    private boolean showFor(FieldScreenScheme scheme, ScreenableIssueOperation operation, FieldScreen screen) {
        FieldScreenSchemeItem item = scheme.getFieldScreenSchemeItem(operation);
        if (item == null) {
            item = newFieldScreenSchemeItem();
            item.setIssueOperation(operation);
            item.setFieldScreen(screen);
            scheme.addFieldScreenSchemeItem(item);
            return true;
        }
        if (Objects.equals(item.getFieldScreenId(), screen.getId())) {
            return false;
        }
        item.setFieldScreen(screen);
        item.store();
        return true;
    }

    // ------------------------------------------------------------------------------------------------ issue type screen schemes

    Optional<IssueTypeScreenScheme> issueTypeScreenScheme(long id) {
        return Optional.ofNullable(issueTypeScreenSchemeManager.getIssueTypeScreenScheme(id));
    }

    /** An issue type screen scheme whose default entry is Jira's default screen scheme. */
    IssueTypeScreenScheme createIssueTypeScreenScheme(String name, String description) {
        IssueTypeScreenScheme scheme = newIssueTypeScreenScheme();
        scheme.setName(name);
        scheme.setDescription(description);
        scheme.store();
        IssueTypeScreenSchemeEntity everyOtherType = newIssueTypeScreenSchemeEntity();
        everyOtherType.setIssueTypeId(null);
        everyOtherType.setFieldScreenScheme(
                fieldScreenSchemeManager.getFieldScreenScheme(FieldScreenSchemeManager.DEFAULT_FIELD_SCREEN_SCHEME_ID));
        scheme.addEntity(everyOtherType);
        return scheme;
    }

    /** The screen scheme the entry for this issue type uses, if the scheme has an entry for it. */
    Optional<Long> screenSchemeFor(IssueTypeScreenScheme scheme, String issueTypeId) {
        return Optional.ofNullable(scheme.getEntity(issueTypeId)).map(IssueTypeScreenSchemeEntity::getFieldScreenSchemeId);
    }

    /** Points the entry for this issue type at the screen scheme, adding the entry if there is none. */
    void map(IssueTypeScreenScheme scheme, String issueTypeId, FieldScreenScheme screenScheme) {
        IssueTypeScreenSchemeEntity entity = scheme.getEntity(issueTypeId);
        if (entity == null) {
            entity = newIssueTypeScreenSchemeEntity();
            entity.setIssueTypeId(issueTypeId);
            entity.setFieldScreenScheme(screenScheme);
            scheme.addEntity(entity);
        } else {
            entity.setFieldScreenScheme(screenScheme);
            entity.store();
        }
    }

    IssueTypeScreenScheme schemeOf(Project project) {
        return issueTypeScreenSchemeManager.getIssueTypeScreenScheme(project);
    }

    boolean isDefault(IssueTypeScreenScheme scheme) {
        return IssueTypeScreenScheme.DEFAULT_SCHEME_ID.equals(scheme.getId());
    }

    /** A project has exactly one issue type screen scheme: replace the old association, as Jira's own action does. */
    void use(Project project, IssueTypeScreenScheme from, IssueTypeScreenScheme to) {
        issueTypeScreenSchemeManager.removeSchemeAssociation(project, from);
        issueTypeScreenSchemeManager.addSchemeAssociation(project, to);
    }

    // ------------------------------------------------------------------------------------------------ Jira's constructors

    FieldScreen newFieldScreen() {
        return new FieldScreenImpl(fieldScreenManager);
    }

    FieldScreenScheme newFieldScreenScheme() {
        return new FieldScreenSchemeImpl(fieldScreenSchemeManager);
    }

    FieldScreenSchemeItem newFieldScreenSchemeItem() {
        return new FieldScreenSchemeItemImpl(fieldScreenSchemeManager, fieldScreenManager);
    }

    IssueTypeScreenScheme newIssueTypeScreenScheme() {
        return new IssueTypeScreenSchemeImpl(issueTypeScreenSchemeManager);
    }

    IssueTypeScreenSchemeEntity newIssueTypeScreenSchemeEntity() {
        return new IssueTypeScreenSchemeEntityImpl(issueTypeScreenSchemeManager, fieldScreenSchemeManager, constantsManager);
    }
}
