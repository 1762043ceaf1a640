package dev.failforward.jira.setup;

import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Optional;

/** Jira's issue link types, as setup needs them. Thin: no decisions here. */
@Named
public class JiraLinkTypes {

    private final IssueLinkTypeManager issueLinkTypeManager;

    @Inject
    public JiraLinkTypes(@ComponentImport IssueLinkTypeManager issueLinkTypeManager) {
        this.issueLinkTypeManager = Objects.requireNonNull(issueLinkTypeManager, "issueLinkTypeManager");
    }

    Optional<IssueLinkType> byId(long id) {
        return Optional.ofNullable(issueLinkTypeManager.getIssueLinkType(id));
    }

    /** Link type names are unique in Jira's UI (the manager returns "either one or zero"). */
    Optional<IssueLinkType> byName(String name) {
        return issueLinkTypeManager.getIssueLinkTypesByName(name).stream().findFirst();
    }

    /**
     * Creates a user-defined link type (no style) and returns it. Jira's manager returns nothing, so the new type is
     * read back by its name; setup runs under a cluster lock, so nobody else creates one by that name meanwhile.
     */
    IssueLinkType create(String name, String outward, String inward) {
        issueLinkTypeManager.createIssueLinkType(name, outward, inward, null);
        return byName(name).orElseThrow(() -> new SetupException("failforward.setup.error.jira",
                "Jira did not create the link type '" + name + "'", name, "not found after creation"));
    }
}
