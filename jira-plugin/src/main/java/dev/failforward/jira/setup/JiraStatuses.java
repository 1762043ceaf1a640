package dev.failforward.jira.setup;

import com.atlassian.jira.config.StatusCategoryManager;
import com.atlassian.jira.config.StatusManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Optional;

/** Jira's workflow statuses, as setup needs them. Thin: no decisions here. */
@Named
public class JiraStatuses {

    /** Jira's generic status icon; statuses show as coloured lozenges by category, the icon is legacy [U]. */
    static final String ICON_URL = "/images/icons/statuses/generic.png";

    private final StatusManager statusManager;
    private final StatusCategoryManager statusCategoryManager;

    @Inject
    public JiraStatuses(@ComponentImport StatusManager statusManager,
                        @ComponentImport StatusCategoryManager statusCategoryManager) {
        this.statusManager = Objects.requireNonNull(statusManager, "statusManager");
        this.statusCategoryManager = Objects.requireNonNull(statusCategoryManager, "statusCategoryManager");
    }

    Optional<Status> byId(String id) {
        return Optional.ofNullable(statusManager.getStatus(id));
    }

    /** Status names are unique in Jira (case-insensitively). */
    Optional<Status> byName(String name) {
        return statusManager.getStatuses().stream()
                .filter(status -> status.getName() != null && status.getName().trim().equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    Status create(String name, String description, String categoryKey) {
        StatusCategory category = statusCategoryManager.getStatusCategoryByKey(categoryKey);
        if (category == null) {
            throw new SetupException("failforward.setup.error.statuscategory",
                    "Jira has no status category '" + categoryKey + "'", categoryKey);
        }
        return statusManager.createStatus(name, description, ICON_URL, category);
    }
}
