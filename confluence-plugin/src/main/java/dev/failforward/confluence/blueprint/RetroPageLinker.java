package dev.failforward.confluence.blueprint;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.plugins.createcontent.api.events.BlueprintPageCreateEvent;
import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.confluence.jira.JiraRemoteLinks;
import dev.failforward.confluence.retro.IssueKeys;
import dev.failforward.confluence.retro.RetroKeys;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a page is created from one of the retro blueprints for a Jira issue, links the issue to the page (a remote issue
 * link in Jira, {@link JiraRemoteLinks}), the way Confluence links an issue to a page that shows it. Jira then lists the
 * page on the issue, and the issue view's "related retro pages" finds it.
 *
 * <p>Listens for the create-content plugin's public {@link BlueprintPageCreateEvent}, published on the creating user's
 * request after the page exists, so the link is made as that user. Which page is ours is read from the event's
 * page-creation context, never from its blueprint object (an {@code impl} type of the create-content plugin): our
 * context provider put the canonical issue key under {@link RetroKeys#VARIABLE_ISSUE_KEY}; failing that, the
 * create-content plugin's {@code blueprintKey} names one of our blueprints and the wizard's field
 * {@link RetroKeys#WIZARD_ISSUE_KEY_FIELD} holds a valid key. [U] whether the event's context is the map after the
 * context provider ran (hence the fallback).
 *
 * <p>Never fails page creation: every error is logged and dropped.
 */
@Named
public class RetroPageLinker implements InitializingBean, DisposableBean {

    /** The create-content plugin's context key of the blueprint's complete module key ({@code BlueprintContextKeys}). */
    static final String BLUEPRINT_KEY = "blueprintKey";
    static final Set<String> OUR_BLUEPRINTS = Set.of(RetroKeys.completeKey(RetroKeys.POSTMORTEM_BLUEPRINT),
            RetroKeys.completeKey(RetroKeys.EXPERIMENT_RETRO_BLUEPRINT));

    private static final Logger LOG = LoggerFactory.getLogger(RetroPageLinker.class);

    private final EventPublisher events;
    private final JiraRemoteLinks remoteLinks;

    @Inject
    public RetroPageLinker(@ComponentImport EventPublisher events, JiraRemoteLinks remoteLinks) {
        this.events = Objects.requireNonNull(events, "events");
        this.remoteLinks = Objects.requireNonNull(remoteLinks, "remoteLinks");
    }

    @Override
    public void afterPropertiesSet() {
        events.register(this);
    }

    @Override
    public void destroy() {
        events.unregister(this);
    }

    @EventListener
    public void onBlueprintPageCreated(BlueprintPageCreateEvent event) {
        try {
            Page page = event.getPage();
            Optional<String> issueKey = issueKey(event.getContext());
            if (page == null || issueKey.isEmpty()) {
                return; // another blueprint's page, or ours without an issue
            }
            remoteLinks.linkPage(issueKey.get(), page.getId(), page.getTitle());
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward: the retro page could not be linked to its Jira issue", e);
        }
    }

    /** The issue key of a page made from one of our blueprints; empty for any other page. */
    static Optional<String> issueKey(Map<String, Object> context) {
        if (context == null) {
            return Optional.empty();
        }
        Optional<String> fromProvider = IssueKeys.parse(text(context.get(RetroKeys.VARIABLE_ISSUE_KEY)));
        if (fromProvider.isPresent()) {
            return fromProvider;
        }
        String blueprint = text(context.get(BLUEPRINT_KEY));
        if (blueprint == null || !OUR_BLUEPRINTS.contains(blueprint)) { // Set.of: contains(null) throws
            return Optional.empty();
        }
        return IssueKeys.parse(text(context.get(RetroKeys.WIZARD_ISSUE_KEY_FIELD)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }
}
