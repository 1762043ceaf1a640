package dev.failforward.jira.setup;

import com.atlassian.jira.avatar.Avatar;
import com.atlassian.jira.avatar.AvatarManager;
import com.atlassian.jira.avatar.Selection;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.icon.IconOwningObjectId;
import com.atlassian.jira.icon.IconType;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.config.manager.FieldConfigSchemeManager;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Jira's issue types, their icons and issue type schemes, as setup needs them. Thin: no decisions here. */
@Named
public class JiraIssueTypes {

    private final IssueTypeManager issueTypeManager;
    private final AvatarManager avatarManager;
    private final IssueTypeSchemeManager issueTypeSchemeManager;
    private final FieldConfigSchemeManager fieldConfigSchemeManager;

    @Inject
    public JiraIssueTypes(@ComponentImport IssueTypeManager issueTypeManager,
                          @ComponentImport AvatarManager avatarManager,
                          @ComponentImport IssueTypeSchemeManager issueTypeSchemeManager,
                          @ComponentImport FieldConfigSchemeManager fieldConfigSchemeManager) {
        this.issueTypeManager = Objects.requireNonNull(issueTypeManager, "issueTypeManager");
        this.avatarManager = Objects.requireNonNull(avatarManager, "avatarManager");
        this.issueTypeSchemeManager = Objects.requireNonNull(issueTypeSchemeManager, "issueTypeSchemeManager");
        this.fieldConfigSchemeManager = Objects.requireNonNull(fieldConfigSchemeManager, "fieldConfigSchemeManager");
    }

    // ------------------------------------------------------------------------------------------------ issue types

    Optional<IssueType> byId(String id) {
        return Optional.ofNullable(issueTypeManager.getIssueType(id));
    }

    /** Issue type names are unique in Jira (case-insensitively). */
    Optional<IssueType> byName(String name) {
        return issueTypeManager.getIssueTypes().stream()
                .filter(type -> type.getName() != null && type.getName().trim().equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    /** Creates a (non-sub-task) issue type; Jira adds it to the default issue type scheme. */
    IssueType create(String name, String description, long avatarId) {
        return issueTypeManager.createIssueType(name, description, avatarId);
    }

    // ------------------------------------------------------------------------------------------------ icons

    boolean iconExists(long avatarId) {
        return avatarManager.getById(avatarId) != null;
    }

    /**
     * Uploads a square PNG as a custom issue-type avatar (Jira scales it to its avatar sizes) and returns its id. The
     * avatar is created before the issue type, so it is owned by object id 0, as other plugins do.
     */
    long uploadIcon(String fileName, InputStream png) throws IOException {
        Avatar avatar = avatarManager.create(fileName, "image/png", IconType.ISSUE_TYPE_ICON_TYPE,
                IconOwningObjectId.from(0), png, (Selection) null);
        return avatar.getId();
    }

    long defaultIcon() {
        return avatarManager.getDefaultAvatarId(IconType.ISSUE_TYPE_ICON_TYPE);
    }

    // ------------------------------------------------------------------------------------------------ schemes

    Optional<FieldConfigScheme> scheme(long id) {
        return Optional.ofNullable(fieldConfigSchemeManager.getFieldConfigScheme(id));
    }

    FieldConfigScheme createScheme(String name, String description, List<String> issueTypeIds) {
        return issueTypeSchemeManager.create(name, description, issueTypeIds);
    }

    /** Replaces the scheme's issue types with these. */
    void setTypes(FieldConfigScheme scheme, Collection<String> issueTypeIds) {
        issueTypeSchemeManager.update(scheme, issueTypeIds);
    }

    FieldConfigScheme schemeOf(Project project) {
        return issueTypeSchemeManager.getConfigScheme(project);
    }

    boolean isDefault(FieldConfigScheme scheme) {
        return issueTypeSchemeManager.isDefaultIssueTypeScheme(scheme);
    }

    void addToDefaultScheme(String issueTypeId) {
        issueTypeSchemeManager.addOptionToDefault(issueTypeId);
    }

    /** Ids of the issue types the project can use, in the scheme's order. */
    Set<String> typeIdsOf(Project project) {
        Set<String> ids = new LinkedHashSet<>();
        issueTypeSchemeManager.getIssueTypesForProject(project).forEach(type -> ids.add(type.getId()));
        return ids;
    }
}
